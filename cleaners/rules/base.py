"""What a boilerplate rule is, and how many of them are matched fast.

A `Rule` gives a whole line (a text line, or the text of one HTML block) a role:

- ``DROP``: chrome or an insert that may stand anywhere, even inside the body ("Baca juga: ...", a lone
  "Berita Rekomendasi" heading, page numbers, editor initials such as "(FJR)").
- ``END``: a block that only stands after the article ("Halaman" pagination, comment disclaimers,
  copyright, "BERITA LAINNYA", related-title tables): the body stops at the first one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


class Action(Enum):
    DROP = "drop"
    END = "end"


@dataclass(frozen=True)
class Rule:
    name: str
    action: Action
    pattern: re.Pattern[str]
    #: A cheap test that every line the pattern matches passes (a necessary condition, argued where it is
    #: given and checked on the page texts and made-up lines by `tests/test_rules.py`): a line that fails it
    #: is not given to the pattern, whose backtracking over a long line costs tens of microseconds.
    requires: Callable[[str], bool] | None = None

    def matches(self, line: str) -> bool:
        return (self.requires is None or self.requires(line)) and bool(self.pattern.search(line))


def rule(name: str, action: Action, regex: str, flags: int = re.I,
         requires: Callable[[str], bool] | None = None) -> Rule:
    return Rule(name, action, re.compile(regex, flags), requires)


# --- necessary conditions for `Rule.requires` ----------------------------------------------------------------


def holds_any(*texts: str) -> Callable[[str], bool]:
    """The line holds one of `texts` (a pattern with a literal it cannot match without)."""
    if len(texts) == 1:
        text = texts[0]
        return lambda line: text in line
    return lambda line: any(t in line for t in texts)


def holds_count(chars: str, least: int) -> Callable[[str], bool]:
    """The line holds at least `least` of `chars` in all (a pattern repeating a separator)."""
    return lambda line: sum(map(line.count, chars)) >= least


def at_most_chars(most: int) -> Callable[[str], bool]:
    """The line is at most `most` characters long, a final newline aside (`^(?=.{0,N}$)`)."""
    return lambda line: len(line) <= most + line.endswith("\n")


def ends_with_any(chars: str) -> Callable[[str], bool]:
    """The line's last character, a final newline aside (where `$` matches too), is one of `chars`."""
    last = frozenset(chars)
    return lambda line: (line[-2:-1] if line.endswith("\n") else line[-1:]) in last


def words_start_with(chars: str) -> Callable[[str], bool]:
    """Every word of the line (after the start or white space, as `\\s` sees it) starts with one of
    `chars` (a pattern of such words, such as `^(?:[A-Z0-9]\\w*\\s*)+$`)."""
    other_start = re.compile(rf"(?:^|\s)[^\s{re.escape(chars)}]")
    return lambda line: other_start.search(line) is None


#: The characters other than ASCII letters that IGNORECASE matches with an ASCII letter (`[a-z]` under
#: re.I; tests/test_rules.py checks the list on every code point): dotted and dotless I, long s, Kelvin.
ASCII_LETTER_LOOKALIKES = "\u0130\u0131\u017f\u212a"


def holds_ascii_words(line: str, words: tuple[str, ...]) -> bool:
    """Whether `re.search("|".join(words), line, re.I)` finds a match, for lower-case ASCII `words`: a
    match of such a word is ASCII letters of either case unless the line holds a lookalike, and
    lower-casing maps each character on its own, so the lower-cased line holds the word at a fraction of
    the search's cost (the regex is run for a line with a lookalike)."""
    if not line.isascii() and ("\u0130" in line or "\u0131" in line or "\u017f" in line or "\u212a" in line):
        return re.search("|".join(words), line, re.I) is not None
    lowered = line.lower()
    for word in words:  # noqa: SIM110 - a loop, not any() over a generator: this runs for most lines
        if word in lowered:
            return True
    return False


def holds_match(regex: str, flags: int = re.I) -> Callable[[str], bool]:
    """The line holds a match of `regex`: a part of the rule's pattern it cannot match without, searched
    for alone (a literal search costs a fraction of the pattern's backtracking)."""
    search = re.compile(regex, flags).search
    words = tuple(regex.split("|"))
    if flags == re.I and all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return lambda line: holds_ascii_words(line, words)
    return lambda line: search(line) is not None


def all_of(*tests: Callable[[str], bool]) -> Callable[[str], bool]:
    """Every one of `tests` holds (give the cheapest first)."""
    if len(tests) == 2:  # (the usual pair, without a generator for each line)
        first, second = tests
        return lambda line: first(line) and second(line)
    return lambda line: all(test(line) for test in tests)


DROP, END = Action.DROP, Action.END


class RuleSet:
    """Rules prepared for fast matching: most lines match none, and anchored rules (the large majority)
    are screened together by one match at the line start, among only the rules that can start with the
    line's first character (`first_char_test`: one screen of every anchored rule costs tens of
    microseconds per line)."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        # Unanchored rules, and those guarded by a cheap test, are tried on their own.
        self._anchored = tuple(r for r in rules if r.pattern.pattern.startswith("^") and r.requires is None)
        self.floating = tuple(r for r in rules if r not in self._anchored)
        #: `Rule.matches` of the floating rules, unrolled (tried on every line that no screen passes).
        self._floating_tests = tuple((r.requires, r.pattern.search) for r in self.floating)
        self._starts: tuple[re.Pattern[str] | None, ...] | None = None
        self._by_char: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[Rule, ...]]] = {}
        self._by_rules: dict[tuple[int, ...], tuple[re.Pattern[str], ...]] = {}
        #: For a line without a first character: every anchored rule's screens, and every rule.
        self._for_empty: tuple[tuple[re.Pattern[str], ...], tuple[Rule, ...]] | None = None

    def _screens_for(self, char: str) -> tuple[tuple[re.Pattern[str], ...], tuple[Rule, ...]]:
        """The screens of the anchored rules a line starting with `char` can match, and the rules such a
        line can match in their order (those anchored rules and the floating ones: a line that a screen or
        a floating rule passes is matched against these, not against all)."""
        found = self._by_char.get(char)
        if found is None:
            if self._starts is None:
                self._starts = tuple(first_char_test(r.pattern) for r in self._anchored)
            chosen = tuple(i for i, starts in enumerate(self._starts) if starts is None or starts.fullmatch(char))
            possible = {id(self._anchored[i]) for i in chosen}
            found = self._screens_of(chosen), tuple(
                r for r in self.rules if id(r) in possible or r in self.floating)
            if len(self._by_char) < MAX_SCREENED_CHARS:
                self._by_char[char] = found
        return found

    def _screens_of(self, chosen: tuple[int, ...]) -> tuple[re.Pattern[str], ...]:
        """One alternation per flags of the chosen anchored rules (characters that start the same rules
        share it; compiled when first needed)."""
        found = self._by_rules.get(chosen)
        if found is None:
            groups: dict[int, list[str]] = {}
            for i in chosen:
                r = self._anchored[i]
                groups.setdefault(r.pattern.flags, []).append(f"(?:{r.pattern.pattern[1:]})")
            found = self._by_rules[chosen] = tuple(_compiled("|".join(p), f) for f, p in groups.items())
        return found

    def first_match(self, line: str) -> Rule | None:
        if line:
            screens, candidates = self._screens_for(line[0])
        else:
            if self._for_empty is None:
                self._for_empty = self._screens_of(tuple(range(len(self._anchored)))), self.rules
            screens, candidates = self._for_empty
        for screen in screens:  # (a loop, not any() over a generator: this runs for every line)
            if screen.match(line):
                break
        else:
            for requires, search in self._floating_tests:
                if (requires is None or requires(line)) and search(line):
                    break
            else:
                return None
        for r in candidates:
            if r.matches(line):
                return r
        return None


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """A screen, compiled once for every rule set that needs it (`re`'s own cache holds 512 patterns)."""
    return re.compile(pattern, flags)


#: First characters whose screens a rule set keeps (a page in any script starts its lines with a few dozen).
MAX_SCREENED_CHARS = 2048


# --- the characters a pattern's match can start with -------------------------------------------------------

_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


class _Unknown(Exception):
    """A construct whose first characters are not worked out here: the rule is screened for every line."""


@lru_cache(maxsize=4096)
def first_char_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches (whole) every character a match of `pattern` can start with: the classes
    and literals that can come first, with the pattern's flags, so that case folding is the engine's own.
    A superset (zero-width assertions are passed over); None when a match may start with any character
    (or the pattern cannot be worked out)."""
    try:
        from re import _parser
        sources, nullable = _first(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - an unexpected construct, or another Python's parser: screen always
        return None
    if nullable or not sources:
        return None
    return re.compile("|".join(f"[{source}]" for source in dict.fromkeys(sources)), pattern.flags)


def _first(items: list) -> tuple[list[str], bool]:
    """(class sources of the first characters of a parsed sequence, whether it can match empty)."""
    found: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return [*found, re.escape(chr(arg))], False
        if name == "IN":
            return [*found, _class_source(arg)], False
        if name in _ZERO_WIDTH:
            continue
        if name == "BRANCH":
            nullable = False
            for branch in arg[1]:
                sources, empty = _first(list(branch))
                found += sources
                nullable = nullable or empty
            if not nullable:
                return found, False
        elif name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = arg
            if add_flags or del_flags:
                raise _Unknown(name)
            sources, empty = _first(list(sub))
            found += sources
            if not empty:
                return found, False
        elif name in _REPEATS:
            least, _most, sub = arg
            sources, empty = _first(list(sub))
            found += sources
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


def first_match(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    """The first of `rules` that matches the line (unprepared; hot paths use a RuleSet)."""
    return next((r for r in rules if r.matches(line)), None)
