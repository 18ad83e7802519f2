"""Lines and their roles: what the reading engine works on.

A page text, or the text of an HTML container laid out as lines (`cleaners.dom.blocks`), becomes a list
of `Line`s; a line claimed by a boilerplate rule or naming the site itself is marked before reading starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from .. import recognise as R
from ..rules import Rule
from ..sites.profile import SiteProfile, ruleset_for


class Role(Enum):
    CHROME = "chrome"
    KICKER = "kicker"
    TITLE = "title"
    SUMMARY = "summary"
    BYLINE = "byline"
    DATE = "date"
    CREDIT = "credit"
    CAPTION = "caption"
    BODY = "body"
    SUBHEADING = "subheading"
    BOILERPLATE = "boilerplate"
    SOURCE = "source"
    TAGS = "tags"
    TAIL = "tail"


@dataclass
class Line:
    text: str
    rule: Rule | None = None
    role: Role | None = None

    @cached_property
    def byline(self) -> bool:
        return R.is_byline(self.text)

    @cached_property
    def dated(self) -> R.DateLine | None:
        return R.parse_date_line(self.text)



def prepare_lines(raw_lines: list[str], profile: SiteProfile | None) -> list[Line]:
    rules = ruleset_for(profile)
    prepared = []
    for raw in raw_lines:
        normalized = R.normalize_line(raw)
        if not normalized:
            continue
        # Blocks glued together by the text extraction are read apart; a link label glued to a
        # paragraph's end is cut off.
        for line in R.split_glued(normalized):
            line = R.strip_glued_promo(line)
            line = R.byline_from_table_row(line) or line
            item = Line(line, rules.first_match(line))
            if item.rule is None and profile and profile.brand_lines and profile.brand_lines.match(line):
                item.role = Role.CHROME
            prepared.append(item)
    return prepared
