"""Shape measures of a line: words, shortness, sentence endings, and runs of link-list lines."""

from __future__ import annotations

import re

#: Metadata lines (bylines, dates, source, tags) are short; longer lines are never read as one.
MAX_META_CHARS = 300

_WORD = re.compile(r"\w+", re.UNICODE)


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def is_short(line: str, max_words: int) -> bool:
    """At most `max_words` words; cheap on huge lines."""
    return len(line) <= max_words * 40 and word_count(line) <= max_words


_TERMINAL = re.compile(r"""[.!?…:;"”’')\]。！？」』）]\s*$""")


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line))


#: Link-list items are short in characters too (a CJK sentence is one \w+ run).
LINK_MAX_CHARS = 60


def is_link_list(lines: list[str], min_run: int = 2, max_words: int = 8) -> bool:
    """A run of short lines without sentence punctuation: a keyword/SEO link list or a related-title list."""
    return len(lines) >= min_run and all(
        len(x) <= LINK_MAX_CHARS and is_short(x, max_words) and not ends_like_sentence(x) and not is_table_row(x)
        and not is_list_item(x) for x in lines)


#: An item of the article's own list as text extraction writes `<li>` ("- item", "• item", "1) item").
_LIST_ITEM = re.compile(r"^(?:[-•*]\s+|\d{1,2}\)\s+)\S")


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def is_table_row(line: str) -> bool:
    """A row of a data table as text extraction writes it ("| 3 | Nama | 5033 |"): content, not a link list."""
    stripped = line.strip()
    return len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|")


def link_list_indexes(lines: list[str]) -> set[int]:
    """Positions of link lists among body paragraphs.

    Runs of 3+ short unpunctuated lines are keyword/SEO or related-title lists wherever they stand; at the
    very end of the body 2 are enough, since a real subheading is followed by a paragraph.
    """
    dropped: set[int] = set()
    run: list[int] = []
    for index in [*range(len(lines)), None]:
        if index is not None and is_link_list([lines[index]], min_run=1):
            run.append(index)
            continue
        if len(run) >= 3 or (index is None and len(run) >= 2):
            dropped.update(run)
        run = []
    return dropped
