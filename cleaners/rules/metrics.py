"""Shape measures of a line: words, shortness, sentence endings, and runs of link-list lines."""

from __future__ import annotations

import re

#: Metadata lines (bylines, dates, source, tags) are short; longer lines are never read as one.
MAX_META_CHARS = 300

_WORD = re.compile(r"\w+", re.UNICODE)
#: Every ASCII byte that is not a word character (`\w`) -> a space; the others (and bytes >= 0x80) kept.
_SEPARATORS = bytes(0x20 if byte < 0x80 and not _WORD.fullmatch(chr(byte)) else byte for byte in range(256))
#: The punctuation outside ASCII that news text has most (curly quotes, dashes, the ellipsis, no-break
#: space): none is a word character, so each may become a space.
_PUNCTUATION = "’“”‘—–…•„«»·°®\xa0"
assert not any(_WORD.fullmatch(char) for char in _PUNCTUATION)


def _separated(text: str) -> bytes | None:
    """The text's ASCII bytes with every character that is not a word character turned into a space, when
    the text is ASCII but for common punctuation (most lines of Indonesian and English news); else None."""
    if not text.isascii():
        for char in _PUNCTUATION:
            if char in text:
                text = text.replace(char, " ")
        if not text.isascii():
            return None
    return text.encode("ascii").translate(_SEPARATORS)


def word_runs(text: str) -> list[str]:
    r"""The `\w+` runs of the text, as `re.findall` gives them: one `bytes.translate` and a `split` in
    well under half the regex's time when `_separated` applies, the regex otherwise."""
    data = _separated(text)
    return _WORD.findall(text) if data is None else data.decode("ascii").split()


def word_count(line: str) -> int:
    r"""How many `\w+` runs the line has (see `word_runs`)."""
    data = _separated(line)
    return len(_WORD.findall(line)) if data is None else len(data.split())


def is_short(line: str, max_words: int) -> bool:
    """At most `max_words` words; cheap on huge lines."""
    return len(line) <= max_words * 40 and word_count(line) <= max_words


_TERMINAL = re.compile(r"""[.!?…:;"”’')\]。！？」』）]\s*$""")


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line))


#: Link-list items are short in characters too (a CJK sentence is one \w+ run).
LINK_MAX_CHARS = 60


#: Emoji and pictographs a line may end with after its sentence ("Sampai jumpa! 🙂").
_TRAILING_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\\s]+$")
#: A line that breaks off inside a sentence: it ends with a comma (a hard-wrapped or split sentence).
_CONTINUES = re.compile(r"[,，、]\s*$")


def _link_label(line: str, max_words: int) -> bool:
    """Could be a link's label: short, not a sentence (nor a sentence that goes on on the next line), not a
    table row or a list item."""
    if len(line) > LINK_MAX_CHARS or not is_short(line, max_words):  # (most lines: before the substitution)
        return False
    return (not ends_like_sentence(_TRAILING_PICTOGRAPHS.sub("", line)) and not _CONTINUES.search(line)
            and not is_table_row(line) and not is_list_item(line))


def is_link_list(lines: list[str], min_run: int = 2, max_words: int = 8) -> bool:
    """A run of short lines without sentence punctuation: a keyword/SEO link list or a related-title list."""
    return len(lines) >= min_run and all(_link_label(x, max_words) for x in lines)


_NUMBER = re.compile(r"\d+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|id|net|org|co)\S*", re.I)
#: A field separator of a data line: "June 9 -- Venue, City", "1. etappe: 10 Maret – Sirkuit", "VIP : 500.000".
_FIELD_SEPARATOR = re.compile(r"\s(?:-{1,2}|–|—|@|\|)\s|\S\s?:\s")


def is_data_line(line: str) -> bool:
    """A line of the article's own data (a schedule, results, prices): a number in fields ("June 24 -- Arena,
    City", "Tim A d. Tim B 70-44", "VIP : 60.000"), not a headline that happens to hold one number."""
    line = _URL.sub(" ", line)  # the digits of a link ("Listen: http://pod.example/ep_615") are no data
    if not _NUMBER.search(line):
        return False
    return bool(_FIELD_SEPARATOR.search(line)) or len(_NUMBER.findall(line)) >= 2


_CASED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _case_shape(line: str) -> str | None:
    """How a line of 3+ words is cased: "title" (Headline Case), "sentence" (a capital, then lower-case
    words from the second on: "Eat an hour before"), "lower" (a keyword phrase); None for shorter or other
    lines ("Parabolic Lightcloud by amigo & amigo", a title naming a lower-case name)."""
    words = _CASED_WORD.findall(_URL.sub(" ", line))
    if len(words) < 3:
        return None
    long_words = [w for w in words[1:] if len(w) >= 4]
    if not words[0][0].isupper():
        return "lower" if words[0][0].islower() and all(w[0].islower() for w in long_words) else None
    if not long_words:
        return None
    upper = sum(w[0].isupper() for w in long_words)
    if upper >= 0.75 * len(long_words):
        return "title"
    return "sentence" if upper <= 0.5 * len(long_words) and words[1][0].islower() else None


def is_own_list(lines: list[str]) -> bool:
    """A run of short lines that is the article's own list, not links: its lines are data (at least half of
    them: a tour's dates, a season's calendar, match results, a price list), or it mixes headline-cased
    headings with lower-case lines under them (a menu plan's "Pre-Workout Meal" / "Eat 60 minutes before").
    Link lists are uniform: keyword phrases in lower case, or headlines in the site's one style."""
    data = sum(is_data_line(x) for x in lines)
    if data >= 2 and 2 * data >= len(lines):
        return True
    shapes = {_case_shape(x) for x in lines}
    return "title" in shapes and bool(shapes & {"sentence", "lower"})


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
    very end of the body 2 are enough, since a real subheading is followed by a paragraph. A run that is
    the article's own list (`is_own_list`) stays.
    """
    dropped: set[int] = set()
    run: list[int] = []
    for index in [*range(len(lines)), None]:
        if index is not None and is_link_list([lines[index]], min_run=1):
            run.append(index)
            continue
        if (len(run) >= 3 or (index is None and len(run) >= 2)) and not is_own_list([lines[k] for k in run]):
            dropped.update(run)
        run = []
    return dropped
