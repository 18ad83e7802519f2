"""Lines and their roles: what the reading engine works on.

A page text, or the text of an HTML container laid out as lines (`cleaners.dom.blocks`), becomes a list
of `Line`s; a line claimed by a boilerplate rule or naming the site itself is marked before reading starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

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


_T = TypeVar("_T")


class _computed_once(Generic[_T]):
    """`functools.cached_property` without its lock (Python 3.11 takes one on every first read; a page
    reads these for each of its lines): the value is computed on the first read and stored in the
    instance's `__dict__`, which later reads find before this descriptor."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass
class Line:
    text: str
    rule: Rule | None = None
    role: Role | None = None

    @_computed_once
    def byline(self) -> bool:
        return R.is_byline(self.text)

    @_computed_once
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
