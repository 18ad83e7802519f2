"""The generic path: trafilatura finds the main content, then the shared boilerplate rules clean it.

Works on trafilatura's element tree rather than its rendered text, so that table rows and list items are
known as such (a table row is not a related-title line; a bullet list is not an SEO link list).
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from . import lines as L
from .boilerplate import GENERIC_RULESET, Action, RuleSet, link_list_indexes, word_count

#: Blocks whose lines are not subject to the line-shape rules (link lists, related-title tables).
STRUCTURED = {"row", "item"}
_ROW_ONLY_RULES = {"related-table"}
DEDUPE_MIN_WORDS = 8


@dataclass
class Block:
    text: str
    kind: str  # p, head, item, row, quote, text


def extract_blocks(tree: lxml_html.HtmlElement, url: str | None, favor_precision: bool = True) -> list[Block]:
    document = trafilatura.bare_extraction(
        tree, url=url, favor_precision=favor_precision, include_comments=False, include_tables=True,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    blocks: list[Block] = []
    if body.text and body.text.strip():
        blocks.append(Block(body.text, "text"))
    for child in body:
        if child.tag == "list":
            blocks += [Block(_text(item), "item") for item in child.iter("item")]
        elif child.tag == "table":
            blocks += [Block(" ".join(_text(c) for c in row.iter("cell")), "row") for row in child.iter("row")]
        else:
            blocks.append(Block(_text(child), child.tag))
        if child.tail and child.tail.strip():
            blocks.append(Block(child.tail, "text"))
    return blocks


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def clean_blocks(blocks: list[Block], header_texts: list[str | None], rules: RuleSet = GENERIC_RULESET
                 ) -> list[str]:
    """Apply the shared boilerplate rules to extracted blocks: drop inserts, stop at the tail."""
    kept: list[Block] = []
    for block in blocks:
        text = L.normalize_line(block.text)
        if not text or any(L.same_text(text, h) for h in header_texts):
            continue
        found = rules.first_match(text)
        if found and block.kind in STRUCTURED and found.name in _ROW_ONLY_RULES:
            found = None
        if found and found.action is Action.END and kept:
            break
        if found or L.is_byline(text):
            continue
        kept.append(Block(text, block.kind))
    # Link lists are runs of short unpunctuated paragraphs; lists and tables keep their short items.
    loose = [i for i, b in enumerate(kept) if b.kind not in STRUCTURED]
    dropped = {loose[k] for k in link_list_indexes([kept[i].text for i in loose])}
    out, seen = [], set()
    for index, block in enumerate(kept):
        if index in dropped:
            continue
        # A paragraph printed twice is a template repeat; short rows and items may repeat for real.
        key = block.text.casefold()
        if block.kind not in STRUCTURED and word_count(block.text) >= DEDUPE_MIN_WORDS:
            if key in seen:
                continue
            seen.add(key)
        out.append(block.text)
    return out
