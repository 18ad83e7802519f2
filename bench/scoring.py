"""Scoring functions of bench/accuracy.py: shingle and exact-paragraph scores, and generic metadata checks.

Pure functions on strings (no Saring or trafilatura imports), so they can be unit tested on their own
(tests/test_bench_scoring.py).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

TOKEN = re.compile(r"\w+")


# --- 4-gram shingles (the Zyte article-extraction benchmark's metric) -------------------------------------


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of n consecutive lower-cased `\\w+` tokens; a text shorter than n tokens is one shingle."""
    tokens = TOKEN.findall((text or "").lower())
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class PRF:
    """Per-page precision (None when the output is empty), recall and F1."""

    precision: float | None
    recall: float
    f1: float


def f1_of(precision: float | None, recall: float) -> float:
    """Harmonic mean; 0.0 when precision is undefined or both are 0."""
    if precision is None or precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def shingle_scores(output: str | None, gold: str | None) -> PRF:
    """P over the output's shingles, R over the gold's. Empty output: P undefined, F1 0 (1.0 when the gold
    is empty too)."""
    o, g = shingles(output), shingles(gold)
    common = sum((o & g).values())
    if not o:
        return PRF(None, 0.0 if g else 1.0, 0.0 if g else 1.0)
    precision = common / sum(o.values())
    recall = common / sum(g.values()) if g else 0.0
    return PRF(precision, recall, f1_of(precision, recall))


def aggregate(scores: dict[str, PRF], low: float = 0.5) -> dict:
    """The Zyte convention (P averaged over pages with output, R over all pages, F1 of the two means), the
    mean of per-page F1 (empty output = 0), and the pages whose per-page F1 is below `low`."""
    precisions = [s.precision for s in scores.values() if s.precision is not None]
    recalls = [s.recall for s in scores.values()]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    below = sorted(page for page, s in scores.items() if s.f1 < low)
    return {
        "pages": len(scores),
        "pages_with_output": len(precisions),
        "precision": precision,
        "recall": recall,
        "f1": f1_of(precision, recall) if precisions else 0.0,
        "mean_page_f1": sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0,
        "pages_below": len(below),
        "below": below,
    }


# --- exact paragraphs (the fixture convention) -------------------------------------------------------------


def collapse(text: str) -> str:
    """White space runs (non-breaking spaces included) to one space, trimmed."""
    return " ".join(text.split())


def split_body(body: str | Sequence[str] | None) -> list[str]:
    """A record body ("\\n\\n"-joined) or a paragraph list as collapsed, non-empty paragraphs."""
    if not body:
        return []
    parts = body.split("\n\n") if isinstance(body, str) else list(body)
    return [p for p in (collapse(part) for part in parts) if p]


@dataclass(frozen=True)
class ParagraphScore:
    """Paragraphs matched exactly (multiset), out of the output's and the gold's."""

    matched: int
    output: int
    gold: int
    exact: bool

    @property
    def prf(self) -> PRF:
        if not self.output:
            return PRF(None, 0.0 if self.gold else 1.0, 0.0 if self.gold else 1.0)
        precision = self.matched / self.output
        recall = self.matched / self.gold if self.gold else 0.0
        return PRF(precision, recall, f1_of(precision, recall))


def paragraph_scores(output: str | Sequence[str] | None, gold: str | Sequence[str] | None) -> ParagraphScore:
    """A paragraph counts only when identical to a gold paragraph after collapsing white space; `exact` when
    the two lists are equal (order included)."""
    out, ref = split_body(output), split_body(gold)
    matched = sum((Counter(out) & Counter(ref)).values())
    return ParagraphScore(matched, len(out), len(ref), out == ref)


def micro(scores: Iterable[ParagraphScore]) -> PRF:
    """Paragraph P/R/F1 over all paragraphs of all pages."""
    scores = list(scores)
    matched = sum(s.matched for s in scores)
    out = sum(s.output for s in scores)
    ref = sum(s.gold for s in scores)
    precision = matched / out if out else None
    recall = matched / ref if ref else 0.0
    return PRF(precision, recall, f1_of(precision, recall))


def paragraph_diff(output: str | Sequence[str] | None, gold: str | Sequence[str] | None,
                   width: int = 70, most: int = 3) -> list[str]:
    """Short lines: gold paragraphs missing from the output (`-`), output paragraphs not in the gold (`+`),
    or `order differs`."""
    out, ref = split_body(output), split_body(gold)
    missing = list((Counter(ref) - Counter(out)).elements())
    extra = list((Counter(out) - Counter(ref)).elements())
    lines = [f"- {shorten(p, width)}" for p in sorted(missing, key=ref.index)[:most]]
    if len(missing) > most:
        lines.append(f"- ... {len(missing) - most} more missing")
    lines += [f"+ {shorten(p, width)}" for p in sorted(extra, key=out.index)[:most]]
    if len(extra) > most:
        lines.append(f"+ ... {len(extra) - most} more extra")
    if not lines and out != ref:
        lines.append("order differs")
    return lines


def shorten(text: str | None, width: int = 70) -> str:
    """One line of at most `width` characters."""
    text = collapse(str(text))
    return text if len(text) <= width else text[:width - 1] + "…"


def field_equal(got: object, want: object) -> bool:
    """Equal after collapsing white space in strings (and in the strings of lists)."""
    def norm(value: object) -> object:
        if isinstance(value, str):
            return collapse(value)
        if isinstance(value, list | tuple):
            return [norm(v) for v in value]
        return value
    return norm(got) == norm(want)


# --- page-level facts used by the metadata checks ---------------------------------------------------------

_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_CLOCK_ISO = re.compile(r"\d{4}[-/]\d{2}[-/]\d{2}(?:\s*T\s*|\s+)(\d{2}):(\d{2})")
#: Meta names/properties/itemprops that carry the publication time.
PUBLISHED_META = {"article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                  "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "publish_date"}
_MONTHS = (r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:et|ch)?|apr(?:il)?|mei|may|jun(?:i|e)?|"
           r"jul(?:i|y)?|agu(?:stus)?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|"
           r"nov(?:ember)?|des(?:ember)?|dec(?:ember)?)\.?")
_CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
#: A visible clock time that belongs to a date line: `14:38 WIB`, `09.12 WITA`, `| 14:38`, a date followed
#: by a time (`16 Februari 2016, 14:38`, `Feb 16, 2016 2:10 AM`, `16/02/2016 14:38`).
VISIBLE_TIME = re.compile(
    rf"\b{_CLOCK}\s*(?:WIB|WITA|WIT)\b"
    rf"|\|\s*{_CLOCK}\b"
    rf"|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}},?\s*(?:[-|,]\s*)?(?:pukul|jam|at)?\s*{_CLOCK}\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}},?\s*(?:[-|,]\s*)?(?:at)?\s*{_CLOCK}\b"
    rf"|\b\d{{1,2}}/\d{{1,2}}/\d{{4}},?\s+{_CLOCK}\b",
    re.I,
)
_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_ITEMPROP = re.compile(r"<(?:time|span|div|p|abbr)\b[^>]*itemprop=[\"']?datePublished[^>]*>", re.I)


def meta_tags(page: str) -> list[dict[str, str]]:
    """The attributes of every <meta> tag (names lower-cased, values unescaped)."""
    found = []
    for tag in _META.findall(page):
        attrs = {}
        for name, dq, sq, bare in _ATTR.findall(tag):
            attrs[name.lower()] = html_lib.unescape(dq or sq or bare)
        found.append(attrs)
    return found


def _json_ld_dates(page: str) -> list[str]:
    """datePublished values of the page's JSON-LD blocks (any nesting)."""
    dates: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "datePublished" and isinstance(value, str):
                    dates.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for block in _JSON_LD.findall(page):
        try:
            walk(json.loads(block.strip()))
        except ValueError:
            dates += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', block)
    return dates


def carries_time(value: str) -> bool:
    """An ISO-like date value with a clock time other than a 00:00 placeholder."""
    match = _CLOCK_ISO.search(value)
    return bool(match) and match.groups() != ("00", "00")


def visible_text(page: str) -> str:
    """The page's text without scripts, styles and comments, white space collapsed."""
    return collapse(html_lib.unescape(_TAG.sub(" ", _DROP.sub(" ", page))))


def published_time_evidence(page: str) -> str | None:
    """Why the page shows a publication time (a meta/JSON-LD value with a time, or a visible date line with a
    clock time), or None."""
    for attrs in meta_tags(page):
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in PUBLISHED_META and carries_time(attrs.get("content", "")):
            return f"meta {key}={attrs['content']}"
    for value in _json_ld_dates(page):
        if carries_time(value):
            return f"JSON-LD datePublished={value}"
    for tag in _ITEMPROP.findall(page):
        attrs = {name.lower(): dq or sq or bare for name, dq, sq, bare in _ATTR.findall(tag)}
        value = attrs.get("datetime") or attrs.get("content") or ""
        if carries_time(value):
            return f"itemprop datePublished={value}"
    match = VISIBLE_TIME.search(visible_text(page))
    return f"visible '{match.group(0)}'" if match else None


def has_time(published: str | None) -> bool:
    """A record's `published` with a time part (`2024-10-11T15:32:00+07:00`)."""
    return bool(published) and "T" in published


# --- site names, title affixes, author problems ----------------------------------------------------------

#: Second-level suffixes under which the registrable name is the third label from the right.
SECOND_LEVEL = {"co.id", "or.id", "go.id", "ac.id", "web.id", "my.id", "net.id", "sch.id", "co.uk", "org.uk",
                "ac.uk", "com.au", "net.au", "co.jp", "com.sg", "com.my", "co.in", "co.nz", "com.br"}


def registrable_name(url: str | None) -> str | None:
    """`kompas` for `http://regional.kompas.com/...`, `tempo` for `https://www.tempo.co.id/`."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    if ".".join(labels[-2:]) in SECOND_LEVEL and len(labels) >= 3:
        return labels[-3]
    return labels[-2]


def site_names(page: str | None, url: str | None) -> set[str]:
    """Names the site goes by: og:site_name / application-name and the host's registrable name."""
    names = set()
    for attrs in meta_tags(page or ""):
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key in ("og:site_name", "application-name", "twitter:site") and attrs.get("content"):
            names.add(attrs["content"].lstrip("@"))
    name = registrable_name(url)
    if name:
        names.add(name)
    return {n for n in names if len(_norm(n)) >= 3}


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv|co|news|info)$", re.I)
_SUFFIX_SEP = re.compile(r"\s+[-|–—:·/]{1,2}\s+")
_PREFIX_SEP = re.compile(r"\s+[-|–—·]{1,2}\s+|(?<=\S):\s+")


def _is_site(segment: str, names: set[str], strict: bool = False) -> bool:
    """A title segment that names the site: domain-like, or containing a site name (`strict`: equal to one,
    give or take `.com`/`News`, for a prefix, where `The Guardian view on ...` is the headline)."""
    segment = segment.strip()
    norm = _norm(segment)
    if not norm or len(segment.split()) > 6:
        return False
    if _DOMAIN_LIKE.match(segment):
        return True
    for name in names:
        site = _norm(name)
        if not site:
            continue
        if strict and norm in (site, site + "com", site + "news", site.removesuffix("com")):
            return True
        if not strict and (site in norm or (len(norm) >= 4 and norm in site)):
            return True
    return False


def title_affix(title: str | None, names: set[str]) -> str | None:
    """The site suffix or prefix a title keeps (` - Kompas.com`, `KapanLagi.com: `), or None."""
    if not title:
        return None
    parts = _SUFFIX_SEP.split(title)
    if len(parts) > 1 and _is_site(parts[-1], names):
        return parts[-1]
    first = _PREFIX_SEP.split(title, maxsplit=1)
    if len(first) > 1 and _is_site(first[0], names, strict=True):
        return first[0]
    return None


_ROLE = re.compile(r"^(?:by|oleh)\b|\b(?:writers?|reporters?|editors?|penulis|redaktur|wartawan|kontributor|"
                   r"contributors?|correspondents?|staff|koresponden|pewarta|fotografer)\b", re.I)
_OUTLET = re.compile(r"\btim\s+(?:redaksi|liputan|penulis|editor|media|humas|news)\b|\bredaksi\b|\badmin\b|"
                     r"\bnewsroom\b|\bassociated press\b|\bnews desk\b|\.(?:com|co\.id|id|net|org|tv)\b", re.I)
#: Initials and codes: `fyk`, `ABC`, `fyk/ash`, `(fyk/ash)`; a capitalised short name (`Budi`) is a name.
_CODE = re.compile(r"^\(?(?:[a-z]{2,5}|[A-Z]{2,5})(?:/(?:[a-z]{2,5}|[A-Z]{2,5}))*\)?$")


def author_problem(author: str, names: set[str] = frozenset()) -> str | None:
    """`role`, `outlet` or `code` when an author entry is not a person's name, else None."""
    text = collapse(author)
    if _ROLE.search(text):
        return "role"
    norm = _norm(text)
    if _OUTLET.search(text) or any(
            _norm(n) and (_norm(n) in norm or (len(norm) >= 4 and norm in _norm(n))) for n in names):
        return "outlet"
    if _CODE.match(text):
        return "code"
    return None


# --- words glued across a paragraph break -----------------------------------------------------------------

#: One sentence mark, optionally a closing and an opening quote: what sits between two glued sentences. An
#: ellipsis (`Brrr...Potret`, a headline style) is not a join.
_GLUE = re.compile(r"(?<![.!?…])[.!?](?![.!?…])[\"”’']?[\"“‘']?")
#: What may end the first sentence: a closing quote or bracket (besides a lowercase letter).
CLOSERS = set("\"”’')]")
#: Words that end with a period as abbreviations (`Ph.D`, `Jl.Sudirman`, `dr.Ani`).
ABBREVIATIONS = {"ph", "dr", "drg", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "jl", "jln", "no", "vs", "ir",
                 "hj", "kab", "kec", "kel", "prov", "tel", "gen", "sen", "rep", "gov", "lt", "col", "capt",
                 "sgt", "inc", "ltd", "corp", "co", "dkk", "dll", "dsb", "mt", "bpk", "sdr", "tbk"}
TLDS = {"com", "id", "net", "org", "co", "tv", "info", "biz", "io", "news", "go", "ac", "or", "my", "sg",
        "uk", "us", "asia", "html", "php", "js"}


def glued_words(text: str | None) -> list[str]:
    """Whitespace-delimited tokens in which a sentence end runs into the next sentence without a space,
    excluding URLs, e-mail addresses, domains (`Kompas.com`, `detik.Com`) and abbreviations (`U.S.`,
    `Ph.D`)."""
    found = []
    for token in (text or "").split():
        if "://" in token or token.lower().startswith("www.") or "@" in token or "/" in token:
            continue
        for match in _GLUE.finditer(token):
            start, end = match.span()
            if start == 0 or end >= len(token):
                continue
            before_char, after_char = token[start - 1], token[end]
            if not (before_char.islower() or before_char in CLOSERS) or not after_char.isupper():
                continue
            left = re.findall(r"[^\W\d_]+", token[:start])
            right = re.match(r"[^\W\d_]+", token[end:])
            if left and (left[-1].lower() in ABBREVIATIONS or len(left[-1]) == 1):  # `Ph.D`, `z.B.`, `e.g.`
                continue
            if right and right.group(0).lower() in TLDS:
                continue
            found.append(token)
            break
    return found


# --- tags ----------------------------------------------------------------------------------------------

#: Function words (Indonesian and English) and the filler words seen in keyword-soup tags; a tag that is
#: one of these alone is not a topic.
_FUNCTION_WORDS = """
di ke dari dan yang untuk dengan ini itu pada akan juga tidak tak ada atau dalam oleh saat sudah telah bisa
dapat main seperti apa sebuah seorang para sang si aja saja lagi masih jadi karena agar namun tapi tetapi
bahwa bagi kini pun lah kah nya ia dia mereka kami kita kamu anda sangat lebih paling hanya sampai hingga
antara sebagai secara tersebut adalah yaitu ya sih dong kok begitu bagaimana mengapa kenapa siapa kapan
mana sejak setelah sebelum selama ketika jika kalau maka serta sama the a an of and to in for on is are was
with at by from as it its be this that or not but
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def soup_tags(tags: Iterable[str]) -> list[str]:
    """Tags that are a single function word (`main`, `di`, `dan`, `yang`)."""
    return [tag for tag in tags if collapse(tag).lower() in FUNCTION_WORDS]


_LABEL = re.compile(r"^[^\W\d_]{2,20}:(?!\s)|^(?:category|kategori|section|rubrik|topic|topik|tags?|editor|"
                    r"penulis|reporter|source|sumber)\s*:", re.I)


def labelled_tags(tags: Iterable[str]) -> list[str]:
    """Tags that carry a label or a path (`Editor:B Kunto Wibisono`, `News:`, `Tekno:Telko`,
    `Category: Jupiter`); a headline with a colon (`Michigan Officials: 6th ...`) is not one."""
    return [tag for tag in tags if _LABEL.match(collapse(tag))]


# --- the project's own fixture pages -------------------------------------------------------------------


def fixture_pairs(root: Path) -> list[tuple[Path, Path]]:
    """(page.html, expected.json) pairs of the project's HTML fixtures, in today's layout
    (`fixtures/html/<stem>.html` + `fixtures/expected/<stem>.json`) and in the per-site one
    (`cleaners/sites/*/fixtures/<stem>.html` + a sibling `<stem>.json`). Pages without an expectation
    (the crawl mirror under fixtures/sites) are left out."""
    pairs = []
    for page in sorted({*root.glob("fixtures/**/*.html"), *root.glob("cleaners/**/fixtures/**/*.html")}):
        for expected in (page.with_suffix(".json"), page.parent.parent / "expected" / f"{page.stem}.json"):
            if expected.is_file():
                pairs.append((page, expected))
                break
    return pairs


def split_glued(glued: list[str], html: str | None) -> tuple[list[str], list[str]]:
    """The joins an extractor made (two texts apart in the markup, run together in the output), and those
    the page's own text already has (`... der Daten.Weder ...` inside one text node: the site's typo, not
    a join across a paragraph break). A token found verbatim in the unescaped HTML is the page's own."""
    if not html or not glued:
        return list(glued), []
    source = html_lib.unescape(html)
    made = [g for g in glued if g not in source]
    return made, [g for g in glued if g in source]
