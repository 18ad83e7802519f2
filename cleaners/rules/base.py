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
    are screened together by one match at the line start, among only the rules that can start with the
    line's first character (`first_chars`: one screen of every anchored rule costs tens of microseconds
    per line)."""

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
        self._anchored = tuple(r for r in rules if r.pattern.pattern.startswith("^"))
        self._starts: tuple[frozenset[str] | None, ...] | None = None
        self._by_char: dict[str, tuple[re.Pattern[str], ...]] = {}

    def _screens_for(self, char: str) -> tuple[re.Pattern[str], ...]:
        """The screens of the anchored rules a line starting with `char` (ASCII) can match."""
        found = self._by_char.get(char)
        if found is None:
            if self._starts is None:
                self._starts = tuple(first_chars(r.pattern) for r in self._anchored)
            groups: dict[int, list[str]] = {}
            for r, starts in zip(self._anchored, self._starts, strict=True):
                if starts is None or char in starts:
                    groups.setdefault(r.pattern.flags, []).append(f"(?:{r.pattern.pattern[1:]})")
            found = self._by_char[char] = tuple(re.compile("|".join(p), f) for f, p in groups.items())
        return found

    def first_match(self, line: str) -> Rule | None:
        screens = self._screens_for(line[0]) if line and line[0].isascii() else self.screens
        if not any(screen.match(line) for screen in screens) and not any(
                r.matches(line) for r in self.floating):
            return None
        for r in self.rules:
            if r.matches(line):
                return r
        return None


# --- the characters a pattern's match can start with -------------------------------------------------------

_ASCII = tuple(chr(i) for i in range(128))
_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


class _Unknown(Exception):
    """A construct whose first characters are not worked out here: the rule is screened for every line."""


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can start with (a superset: zero-width assertions are
    passed over), or None when it may start with any (or cannot be worked out). Which characters a
    literal or a class stands for under the pattern's flags (case folding) is asked of `re` itself."""
    try:
        from re import _parser
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        chars, nullable = _first(list(parsed), pattern.flags)
    except Exception:  # noqa: BLE001 - an unexpected construct, or another Python's parser: screen always
        return None
    return None if nullable else frozenset(chars)


def _first(items: list, flags: int) -> tuple[set[str], bool]:
    """(first characters of a parsed sequence, whether it can match the empty string)."""
    found: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return found | _class(re.escape(chr(arg)), flags), False
        if name == "IN":
            return found | _class(_class_source(arg), flags), False
        if name in _ZERO_WIDTH:
            continue
        if name == "BRANCH":
            nullable = False
            for branch in arg[1]:
                chars, empty = _first(list(branch), flags)
                found |= chars
                nullable = nullable or empty
            if not nullable:
                return found, False
        elif name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = arg
            if add_flags or del_flags:
                raise _Unknown(name)
            chars, empty = _first(list(sub), flags)
            found |= chars
            if not empty:
                return found, False
        elif name in _REPEATS:
            least, _most, sub = arg
            chars, empty = _first(list(sub), flags)
            found |= chars
            if least > 0 and not empty:
                return found, False
        else:  # ANY, NOT_LITERAL, GROUPREF, ...: may start with anything
            raise _Unknown(name)
    return found, True


def _class_source(items: list) -> str:
    parts = []
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(arg)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY" and str(arg) in _CATEGORY:
            parts.append(_CATEGORY[str(arg)])
        else:
            raise _Unknown(name)
    return "".join(parts)


_CLASSES: dict[tuple[str, int], frozenset[str]] = {}


def _class(source: str, flags: int) -> frozenset[str]:
    """The ASCII characters the class `[source]` (or a single escaped literal) matches under `flags`."""
    key = (source, flags)
    if key not in _CLASSES:
        compiled = re.compile(f"[{source}]", flags)
        _CLASSES[key] = frozenset(c for c in _ASCII if compiled.fullmatch(c))
    return _CLASSES[key]


def first_match(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    """The first of `rules` that matches the line (unprepared; hot paths use a RuleSet)."""
    return next((r for r in rules if r.matches(line)), None)
