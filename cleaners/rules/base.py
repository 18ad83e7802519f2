"""What a boilerplate rule is, and how many of them are matched fast.

A `Rule` gives a whole line (a text line, or the text of one HTML block) a role:

- ``DROP``: chrome or an insert that may stand anywhere, even inside the body ("Baca juga: ...", a lone
  "Berita Rekomendasi" heading, page numbers, editor initials such as "(FJR)").
- ``END``: a block that only stands after the article ("Halaman" pagination, comment disclaimers,
  copyright, "BERITA LAINNYA", related-title tables): the body stops at the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    DROP = "drop"
    END = "end"


@dataclass(frozen=True)
class Rule:
    name: str
    action: Action
    pattern: re.Pattern[str]

    def matches(self, line: str) -> bool:
        return bool(self.pattern.search(line))


def rule(name: str, action: Action, regex: str, flags: int = re.I) -> Rule:
    return Rule(name, action, re.compile(regex, flags))


DROP, END = Action.DROP, Action.END


class RuleSet:
    """Rules prepared for fast matching: most lines match none, and anchored rules (the large majority)
    are screened together by one match at the line start."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        groups: dict[int, list[str]] = {}
        floating = []
        for r in rules:
            if r.pattern.pattern.startswith("^"):
                groups.setdefault(r.pattern.flags, []).append(f"(?:{r.pattern.pattern[1:]})")
            else:
                floating.append(r)
        self.screens = tuple(re.compile("|".join(parts), flags) for flags, parts in groups.items())
        self.floating = tuple(floating)

    def first_match(self, line: str) -> Rule | None:
        if not any(screen.match(line) for screen in self.screens) and not any(
                r.matches(line) for r in self.floating):
            return None
        for r in self.rules:
            if r.matches(line):
                return r
        return None



def first_match(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    """The first of `rules` that matches the line (unprepared; hot paths use a RuleSet)."""
    return next((r for r in rules if r.matches(line)), None)
