"""Boilerplate rules: the one place patterns live, read by the text, profile and generic paths alike.

`indonesian` holds the rules of the genre, `english` the same genre in English (tuned on the Zyte
benchmark, for the generic path), `metrics` the line-shape measures (word counts, link lists). A site
profile adds the rules of its own template (`SiteProfile.rules`); metadata lines (bylines, dates,
"Sumber:", "Topik") are recognised by `cleaners.recognise`, not here.
"""

from __future__ import annotations

from .base import DROP, END, Action, Rule, RuleSet, first_match, rule
from .english import ENGLISH_RULES
from .indonesian import GLUED_PROMO_WORDS, GLUED_PROMOS, INDONESIAN_RULES, SECTION_NAMES

#: Every rule of the genre, Indonesian first.
GENERIC_RULES: tuple[Rule, ...] = INDONESIAN_RULES + ENGLISH_RULES
GENERIC_RULESET = RuleSet(GENERIC_RULES)

__all__ = ["DROP", "END", "ENGLISH_RULES", "GENERIC_RULES", "GENERIC_RULESET", "GLUED_PROMO_WORDS", "GLUED_PROMOS", "INDONESIAN_RULES",
           "SECTION_NAMES", "Action", "Rule", "RuleSet", "first_match", "rule"]
