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


# Opinion and column bylines: "Oleh Sinta Dewi, Peneliti Media Universitas Contoh", "Oleh: Dr. Ani
# Rahma, M.Si". The name runs to the first comma or dash; what follows is the writer's role or
# degree, not a name. "Oleh karena itu, ..." and other sentences are told apart by the name's shape:
# one to five capitalised words (an initial or an academic title may carry a period).
_OPINION_BYLINE = re.compile(
    r"^(?:Oleh|OLEH)\s*:?\s+(?P<name>(?:[A-Z][\w'’.-]*\.?\s+){0,4}[A-Z][\w'’-]*\.?)\s*(?:(?:,|\s[-–—|]\s)\s*(?P<role>.*))?$")
_NOT_A_NAME = re.compile(r"^(karena|sebab|itu|karenanya|sebab\s+itu|karena\s+itu)\b", re.I)


def parse_opinion_byline(line: str, outlets: re.Pattern[str] | None = None) -> list[str]:
    """The writer named by an "Oleh <Name>[, <role>]" line; [] when the line is not one."""
    if len(line) > 160:
        return []
    match = _OPINION_BYLINE.match(line)
    if not match:
        return []
    name, role = match.group("name").strip(), (match.group("role") or "").strip()
    if _NOT_A_NAME.match(name) or (role and (word_count(role) > 14 or role.endswith(("!", "?")))):
        return []
    if role.endswith(".") and word_count(role) > 4 and not re.search(r"\b[A-Z][a-z]{0,3}\.$", role):
        return []  # a sentence, not a role ("Oleh Polisi, pelaku dibawa ke kantor polisi.")
    return split_names(_HONORIFIC.sub("", name), outlets)


#: Academic and religious honorifics before a writer's name ("Dr.", "Prof.", "H."): a title, not the name.
_HONORIFIC = re.compile(r"^(?:(?:prof|dr|drs|dra|ir|h|hj|kh)\.\s*)+", re.I)


# Reporter lines at the top of the body: "Laporan Wartawan KabarSolo.com, Sari Indah NP",
# "Laporan Reporter Situsku.co.id Nama". The outlet is a domain or a short brand before a comma.
_REPORTER_LINE = re.compile(
    r"^laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)\s+"
    r"(?:(?P<outlet>[\w.-]+(?:\s+[\w.-]+){0,2}?)\s*,\s*|(?P<domain>[\w-]+\.(?:com|co\.id|id|net|tv))\s+)"
    r"(?P<names>[^,.]{2,80})$", re.I)


def parse_reporter_line(line: str, outlets: re.Pattern[str] | None = None) -> list[str] | None:
    """The reporters a "Laporan Wartawan <Outlet>, <Name>" line names; None when it is not one."""
    match = _REPORTER_LINE.match(line) if len(line) <= 140 else None
    if not match:
        return None
    return split_names(match.group("names"), outlets)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def same_person(short: str, full: str) -> bool:
    """Whether `short` is the same name as `full`, written shorter: "Sari Indah NP" for "Sari Indah Nur
    Permata", "Rina A" for "Rina Ayu", "R Ayu" for "Rina Ayu" (case and punctuation ignored)."""
    a = re.findall(r"\w+", short.casefold())
    b = re.findall(r"\w+", full.casefold())
    if not a or not b:
        return False
    if a == b:
        return True
    i = 0
    for k, word in enumerate(a):
        if i >= len(b):
            return False
        if word == b[i] or (len(word) == 1 and b[i].startswith(word)):
            i += 1
        elif k == len(a) - 1 and len(word) <= 4 and _initials(b[i:]) == word:
            return True  # trailing initials standing for the rest of the name
        elif b[i].startswith(word) and len(word) >= 3:
            i += 1
        else:
            return False
    return True


_TABLE_CELLS = re.compile(r"^\|(.+)\|\s*$")


def byline_from_table_row(line: str) -> str | None:
    """A byline printed as a table row ("| Penulis | : Nabilla Tashandra |", "| Editor | Bayu Galih |")
    rewritten as the byline line it is ("Penulis : Nabilla Tashandra"); None for any other line."""
    match = _TABLE_CELLS.match(line.strip()) if len(line) <= MAX_META_CHARS else None
    if not match:
        return None
    cells = [c.strip() for c in match.group(1).split("|")]
    if len(cells) != 2 or not re.fullmatch(rf"(?:{_ROLE_RE})\s*:?", cells[0], re.I):
        return None
    value = cells[1].lstrip(": ").strip()
    return f"{cells[0].rstrip(' :')} : {value}" if value else None
