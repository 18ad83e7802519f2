"""Bylines: "Penulis: X | Editor: Y", "Editor :" with the name on the next line, "Reporter" labels.

The recognisers read one normalised line (or one HTML block's text) and say what it holds; they do not
decide where the line stands on the page (`cleaners.reading` does). Outlet names are told apart from
people by the generic shape (`.com`, "Tim Redaksi") and by the brand pattern a site profile passes in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..rules.metrics import MAX_META_CHARS, word_count

AUTHOR_ROLES = ("penulis", "reporter", "pewarta", "wartawan", "kontributor", "jurnalis", "writer", "author")
EDITOR_ROLES = ("editor", "redaktur", "penyunting", "editing")
#: Roles printed with the bureau or outlet before the name ("Kontributor Lhokseumawe, Masriadi").
PLACED_ROLES = ("kontributor", "koresponden", "wartawan")
_ROLE_RE = "|".join(AUTHOR_ROLES + EDITOR_ROLES)
_BYLINE_START = re.compile(rf"^(?:{_ROLE_RE})\b\s*(?::|$)", re.I)
_ROLE_TOKEN = re.compile(rf"\b({_ROLE_RE})\b\s*:?", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bdan\b|\band\b)\s*", re.I)
#: An outlet, not a person: a domain, "Tim Redaksi"-style desk credits, a publication's name.
_OUTLET = re.compile(r"(\.(com|co\.id|id|tv|net|org)\b|^(tim|redaksi)\b|\b(times|news|post|daily|herald|gazette|tribune)\b)",
                     re.I)


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    #: Roles printed without a name; the name stands on the next line (`Editor:` / `Muhammad Barir`).
    open_roles: list[str] = field(default_factory=list)


def split_names(text: str, outlets: re.Pattern[str] | None = None) -> list[str]:
    """The people named in a byline segment; `outlets` (a profile's brand names) are not people."""
    names = []
    for part in _NAME_SPLIT.split(text.strip(" |-–—•·,")):
        part = part.strip(" |-–—•·,.")
        if part and not _OUTLET.search(part) and not (outlets and outlets.search(part)) and word_count(part) <= 6:
            names.append(part)
    return names


def is_byline(line: str) -> bool:
    """A line that starts with a role word: "Penulis: X", "Editor :", "Reporter" (a label alone)."""
    return len(line) <= MAX_META_CHARS and bool(_BYLINE_START.match(line)) and word_count(line) <= 24


def parse_byline(line: str, outlets: re.Pattern[str] | None = None) -> Byline:
    """"Penulis : A Editor : B", "Penulis: A | Editor: B", "Penulis : A - Editor : B", "Editor:" alone."""
    result = Byline()
    tokens = list(_ROLE_TOKEN.finditer(line))
    for index, token in enumerate(tokens):
        end = tokens[index + 1].start() if index + 1 < len(tokens) else len(line)
        role = token.group(1).lower()
        segment = line[token.end():end]
        if role in PLACED_ROLES and not token.group(0).rstrip().endswith(":") and "," in segment:
            segment = segment.split(",", 1)[1]  # "Kontributor Lhokseumawe, Masriadi": the place, then the name
        names = split_names(segment, outlets)
        if not segment.strip(" |-–—•·,:"):
            if index + 1 < len(tokens):
                continue  # "Penulis : Kontributor ...": one role, named by the next token
            result.open_roles.append(role)
        elif role in EDITOR_ROLES:
            result.editors.extend(names)
        else:
            result.authors.extend(names)
    return result


def add_names(byline: Byline, role: str, text: str, outlets: re.Pattern[str] | None = None) -> None:
    target = byline.editors if role in EDITOR_ROLES else byline.authors
    target.extend(split_names(text, outlets))
