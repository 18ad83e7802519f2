"""Metadata on the generic path, for any site: the title without the site's name, people's names as
authors (not roles, outlets or initials), editors, the page's tags (not keyword soup), and the
publication instant with the page's own zone.

Every rule here derives the site from the page itself (og:site_name, application-name, the JSON-LD
publisher, the host, the `<title>` against og:title and the `<h1>`), never from a list of sites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .. import recognise as R
from ..dom.meta import PageMeta
from ..recognise.blocks import parse_block_date
from ..recognise.dates import PageDate, find_date
from ..rules.metrics import word_count
from ..urls import host_of

# ------------------------------------------------------------------------------------------- site names

#: Second-level public suffixes under which a site's name is the third label from the right.
_SECOND_LEVEL = re.compile(r"^(co|or|go|ac|web|my|net|sch|com|org|gov|edu|ne)$")


def host_name(url: str | None) -> str | None:
    """The site's name in its host: `contoh` for `https://news.contoh.co.id/...`."""
    labels = [label for label in host_of(url).split(".") if label]
    if len(labels) < 2:
        return None
    if len(labels) >= 3 and _SECOND_LEVEL.match(labels[-2]) and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def site_names(meta: PageMeta, url: str | None) -> set[str]:
    """The names the site goes by, normalised (letters and digits only, lower case)."""
    names = set()
    for key in ("og:site_name", "application-name", "twitter:site", "apple-mobile-web-app-title", "al:ios:app_name"):
        value = meta.named.get(key)
        if value:
            names.add(norm(value.lstrip("@")))
    for obj in meta.json_ld:
        for key in ("publisher", "sourceOrganization"):
            value = obj.get(key)
            if isinstance(value, dict) and isinstance(value.get("name"), str):
                names.add(norm(value["name"]))
        types = obj.get("@type")
        if types in ("WebSite", "Organization", "NewsMediaOrganization") and isinstance(obj.get("name"), str):
            names.add(norm(obj["name"]))
    name = host_name(url)
    if name:
        names.add(norm(name))
    return {n for n in names if len(n) >= 2}


def names_site(segment: str, names: set[str], strict: bool = False) -> bool:
    """Whether a title segment or a byline names the site: a domain, or a site name (`strict`: equal to
    one give or take `.com`/`News`/`Online`; else containing one, or contained in one)."""
    segment = segment.strip()
    if not segment or word_count(segment) > 6:
        return False
    if re.fullmatch(r"[\w-]+(\.[\w-]+)*\.(com|co\.id|id|net|org|tv|co|news|info|in|uk|ca|au)", segment, re.I):
        return True
    n = norm(segment)
    if not n:
        return False
    for site in names:
        core = re.sub(r"(com|news|online|tv|id)$", "", site) or site
        if strict:
            if n in (site, core) or re.sub(r"(com|news|online|tv|id)$", "", n) == core:
                return True
        elif (len(core) >= 3 and core in n) or (len(n) >= 4 and n in site):
            return True
    return False


# ------------------------------------------------------------------------------------------------ title

_SUFFIX_SEP = re.compile(r"\s+[-|–—:·/»]{1,2}\s+|\s+::\s+")
_PREFIX_SEP = re.compile(r"\s+[-|–—·»]{1,2}\s+|(?<=\S):\s+")


def _headline_left(text: str) -> bool:
    """Enough of a headline remains: two words, or a phrase of a script written without spaces."""
    return word_count(text) >= 2 or len(text.strip()) >= 8


def clean_title(title: str | None, names: set[str], headings: Iterable[str] = ()) -> str | None:
    """The headline without the site's name before or after it (`Judul - Situs.com`, `SITUS: Judul`),
    and without a section label the page's own `<h1>` does not show."""
    if not title:
        return title
    title = " ".join(title.split())
    for _ in range(2):
        parts = _SUFFIX_SEP.split(title)
        if len(parts) > 1 and names_site(parts[-1], names) and _headline_left(" ".join(parts[:-1])):
            title = title[: title.rfind(parts[-1])].rstrip(" -|–—:·/»")
            continue
        first = _PREFIX_SEP.split(title, maxsplit=1)
        if len(first) > 1 and names_site(first[0], names, strict=True) and _headline_left(first[1]):
            title = first[1].strip()
            continue
        break
    # "Rubrik - Judul": the page's heading shows the headline alone.
    for heading in headings:
        heading = " ".join(heading.split())
        if heading and word_count(heading) >= 3 and heading != title and len(heading) >= 0.5 * len(title):
            if title.endswith(heading) and _SUFFIX_SEP.search(title[: len(title) - len(heading)] + " "):
                return heading
            if title.startswith(heading) and _SUFFIX_SEP.match(" " + title[len(heading):]):
                return heading
    return title


# ---------------------------------------------------------------------------------------------- authors

_BY = re.compile(r"^((analysis|opinion|commentary|review|text|words|story|photos?|written|posted|reported)\s+by|by|"
                 r"oleh|penulis|reporter|pewarta|wartawan|editor)\s*:?\s+", re.I)
#: Words that make a byline segment a role, not a name.
_ROLE = re.compile(
    r"\b(writers?|reporters?|editors?|editor-at-large|correspondents?|contributors?|columnists?|staff|desk|"
    r"bureau|team|penulis|redaktur|wartawan|kontributor|koresponden|pewarta|fotografer|photographer|"
    r"analyst|producer|anchor|host|chief|senior|special|national|political|security|sports|auto|"
    r"business|science|health|tech|technology)\b", re.I)
#: Accounts and desks that are not people.
_ACCOUNT = re.compile(r"^(admin|administrator|webmaster|redaksi|editor|editorial|staff|team|tim|newsroom|desk|"
                      r"humas|guest|anonymous|anonim|unknown)$", re.I)
#: Wire services and outlet shapes.
_OUTLET = re.compile(
    r"\b(associated\s+press|reuters|agence\s+france|afp|ap|pti|ians|upi|dpa|xinhua|bernama|antara|anadolu|"
    r"kyodo|yonhap|bloomberg|tim\s+redaksi|redaksi|media\s+group|online|network|magazine|wire|"
    r"newswire|press\s+release|rilis)\b|"
    r"\.(com|co\.id|id|net|org|tv)\b|\b(news|times|post|daily|herald|gazette|tribune|tv|radio|channel)$", re.I)
#: Initials, codes and credentials: `fyk`, `ABC`, `fyk/ash`, `MS`, `RDN`.
_CODE = re.compile(r"^\(?(?:[a-z]{1,5}|[A-Z]{1,5})(?:/(?:[a-z]{1,5}|[A-Z]{1,5}))*\)?$")


def person_names(raw: Iterable[str], names: set[str]) -> list[str]:
    """People's names from byline and metadata author values: `By TOM DOE, AP Auto Writer` gives
    `Tom Doe`; roles, outlets (the site itself, wire services), accounts and initials are left out."""
    found: list[str] = []
    for value in raw:
        value = " ".join(str(value).split())
        for part in re.split(r"\s*(?:,|;|\||/|&|\band\b|\bdan\b|\bwith\b|(?<=[a-z]{2})\.\s+(?=[A-Z]))\s*", value):
            part = _BY.sub("", part.strip(" -–—•·:()[]")).strip(" -–—•·:.")
            if not part or _ACCOUNT.match(part) or _CODE.match(part) or word_count(part) > 5:
                continue
            if _ROLE.search(part) or _OUTLET.search(part) or names_site(part, names):
                continue
            if not re.search(r"[^\W\d_]{2}", part) or part[0].isdigit():
                continue
            if part.isupper() and word_count(part) >= 2:
                part = " ".join(w.capitalize() for w in part.split())
            found.append(part)
    return R.unique(found)


# ------------------------------------------------------------------------------------------------- tags

_LABELLED = re.compile(r"^(?P<label>[^\W\d_][\w ]{0,24}?)\s*:\s*(?P<value>.*)$")
_EDITOR_LABEL = re.compile(r"^(editor|redaktur|penyunting)$", re.I)
_AUTHOR_LABEL = re.compile(r"^(penulis|reporter|author|writer|pewarta)$", re.I)
#: Site-wide SEO phrases, the same on every page of a site: not the page's topics.
_SEO = re.compile(r"^(berita|portal|situs|info|kabar)(\s+(berita|terkini|terbaru|hari\s+ini|online|indonesia|harian|"
                  r"nasional|internasional|dunia|daerah|viral|populer|lengkap|terpercaya|update|ekonomi|bisnis|"
                  r"olahraga|politik|hukum|teknologi|hiburan|lifestyle))+$", re.I)
#: Function words of Indonesian and English: a keyword list made of the description's words holds them.
FUNCTION_WORDS = frozenset(["di", "ke", "dari", "dan", "yang", "untuk", "dengan", "ini", "itu", "pada", "akan", "juga", "tidak", "tak", "ada", "atau", "dalam", "oleh", "saat", "sudah", "telah", "bisa", "dapat", "seperti", "apa", "sebuah", "seorang", "para", "sang", "si", "aja", "saja", "lagi", "masih", "jadi", "karena", "agar", "namun", "tapi", "tetapi", "bahwa", "bagi", "kini", "pun", "lah", "kah", "nya", "ia", "dia", "mereka", "kami", "kita", "kamu", "anda", "sangat", "lebih", "paling", "hanya", "sampai", "hingga", "antara", "sebagai", "secara", "tersebut", "adalah", "yaitu", "ya", "sih", "dong", "kok", "begitu", "bagaimana", "mengapa", "kenapa", "siapa", "kapan", "mana", "sejak", "setelah", "sebelum", "selama", "ketika", "jika", "kalau", "maka", "serta", "sama", "mau", "buat", "main", "makin", "baru", "bakal", "the", "a", "an", "of", "and", "to", "in", "for", "on", "is", "are", "was", "with", "at", "by", "from", "as", "it", "its", "be", "this", "that", "or", "not", "but"])


@dataclass
class Tags:
    tags: list[str]
    editors: list[str]
    authors: list[str]


def clean_tags(raw: Iterable[str], title: str | None = None) -> Tags:
    """The page's topics from a keyword list: labels carry their own field (`Editor:Nama` is an editor,
    `Rubrik:Sub` a section path, not a topic); a list holding function words is the description cut into
    words (keyword soup) and says nothing; site-wide SEO phrases are left out."""
    out = Tags([], [], [])
    values = [" ".join(t.split()) for t in raw if t and t.strip()]
    singles = [v for v in values if " " not in v]
    soup = sum(v.casefold() in FUNCTION_WORDS for v in singles)
    if soup >= 2 or (values and soup >= 0.25 * len(values)):
        values = []
    for value in values:
        labelled = _LABELLED.match(value)
        if labelled:
            label, inner = labelled.group("label"), labelled.group("value").strip()
            if _EDITOR_LABEL.match(label):
                out.editors += [inner] if inner else []
            elif _AUTHOR_LABEL.match(label):
                out.authors += [inner] if inner else []
            continue  # a section path or an empty label
        value = value.lstrip("#").strip()
        if _SEO.match(value) or word_count(value) > 8 or not re.match(r"\w", value) or re.search(r"&\w+;?", value):
            continue  # an SEO phrase, a sentence, a CMS marker (`@post-id`, `_no-index`), an HTML entity
        out.tags.append(value)
    out.tags = R.unique(out.tags)
    return out


# ------------------------------------------------------------------------------------------ publication

#: Meta tags that carry the publication time, in order of trust.
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "article.published",
                  "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
                  "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "article_date_original",
                  "cxenseparse:recs:publishtime", "content_publish_date")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_ISO_SPACE_T = re.compile(r"(\d{4}-\d{2}-\d{2})\s+T\s*(\d)")
_BARE_OFFSET = re.compile(r"(T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*([+-]\d{2})(\d{2})$")


_TIME_FIRST = re.compile(r"^(?P<time>\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?)\s*(?:[A-Z]{2,4}\s+)?(?P<date>.+)$", re.I)


def _machine_date(value: str) -> PageDate | None:
    """A machine date value: ISO 8601 (`2019-11-20 T10:08:58Z` and `+0000` offsets too), or a date the
    CMS wrote out ("Nov 20, 2019 01:41 PM", "01:38:07 PM IST Nov 20, 2019": a zone it names is not
    known here, so the time stays local)."""
    value = _ISO_SPACE_T.sub(r"\1T\2", value.strip())
    value = _BARE_OFFSET.sub(r"\1\2:\3", value)
    found = find_date(value)
    if found and found.start == 0:
        return found
    if len(value) > 60:
        return None
    match = _TIME_FIRST.match(value)
    written = f"{match.group('date')} {match.group('time')}" if match else value
    dated = parse_block_date(written)
    return dated.date if dated else None


def machine_dates(meta: PageMeta, marked: Iterable[str] = ()) -> list[PageDate]:
    """Publication dates the page declares for machines: JSON-LD (any object with `datePublished`, even in
    a block that is not valid JSON), meta tags, then the values of elements marked up as the publication
    date (`<time itemprop="datePublished" datetime=...>`)."""
    found: list[PageDate] = []
    for obj in meta.json_ld:
        value = obj.get("datePublished")
        if isinstance(value, str) and (date := _machine_date(value)):
            found.append(date)
    for raw in meta.json_ld_broken:
        for value in _JSON_LD_DATE.findall(raw):
            if date := _machine_date(value):
                found.append(date)
    for key in PUBLISHED_META:
        value = meta.named.get(key)
        if value and (date := _machine_date(value)):
            found.append(date)
    for value in marked:
        if date := _machine_date(value):
            found.append(date)
    return found


def _instant(date: PageDate) -> datetime | None:
    if not date.has_time or date.offset_hours is None:
        return None
    tz = timezone(timedelta(hours=date.offset_hours))
    return datetime(date.year, date.month, date.day, date.hour or 0, date.minute or 0, date.second, tzinfo=tz)


def _clock(date: PageDate) -> tuple[int, int, int, int | None, int | None]:
    return date.year, date.month, date.day, date.hour, date.minute


def render_date(date: PageDate, local_zone: float | None) -> str:
    """ISO 8601: with the page's offset; a time shown without a zone is WIB on an Indonesian page
    (`local_zone` 7) and stays a local time without offset elsewhere (its zone is not known)."""
    if not date.has_time:
        return date.iso()
    offset = date.offset_hours if date.offset_hours is not None else local_zone
    if offset is None:
        return datetime(date.year, date.month, date.day, date.hour or 0, date.minute or 0, date.second).isoformat()
    tz = timezone(timedelta(hours=offset))
    return datetime(date.year, date.month, date.day, date.hour or 0, date.minute or 0, date.second,
                    tzinfo=tz).isoformat()


def choose_published(machine: list[PageDate], visible: list[PageDate], local_zone: float | None) -> str | None:
    """The publication instant, in the zone the page shows.

    A machine date with a time (JSON-LD, `article:published_time`) is the instant; when the page also
    prints the local time, the instant is given in the printed zone if the two agree, and the printed
    time wins when the machine value only carries the same clock reading under a wrong offset (a local
    time labelled UTC). A page that prints a time beside a date-only machine value has that time.
    """
    timed = next((d for d in machine if d.has_time), None)
    shown = next((d for d in visible if d.has_time), None)
    dated = timed or next(iter(machine), None)
    if timed and shown:
        zone = shown.offset_hours if shown.offset_hours is not None else local_zone
        instant = _instant(timed)
        if instant is not None and zone is not None:
            local = instant.astimezone(timezone(timedelta(hours=zone)))
            if (local.year, local.month, local.day, local.hour, local.minute) == _clock(shown):
                return local.isoformat()
        if zone is not None and _clock(timed) == _clock(shown) and timed.offset_hours != zone:
            return render_date(shown, local_zone)  # the same clock reading under a wrong offset
        return render_date(timed, local_zone)
    if timed:
        return render_date(timed, local_zone)
    if shown and (dated is None or (dated.year, dated.month, dated.day) == (shown.year, shown.month, shown.day)):
        return render_date(shown, local_zone)
    if dated:
        return dated.iso()
    if visible:
        return visible[0].iso()
    return None


#: Words of nearly every Indonesian paragraph (and of no English one).
_INDONESIAN_WORDS = frozenset(("yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu", "tidak", "akan", "pada",
                               "juga", "dalam", "oleh", "karena"))


def local_zone(meta: PageMeta, url: str | None, body: Iterable[str] = ()) -> float | None:
    """WIB (+7) for a page of Indonesia (declared `id`, an `.id` host, a body in Indonesian), else None:
    a time shown without a zone on another page has no known zone."""
    lang = (meta.declared_language or "").lower()
    if lang.startswith(("id", "in")) or host_of(url).endswith(".id"):
        return 7
    tokens = re.findall(r"\w+", " ".join(body)[:3000].lower())
    if len(tokens) >= 20 and sum(t in _INDONESIAN_WORDS for t in tokens) >= 0.05 * len(tokens):
        return 7
    return None


def published_iso(text: str | None) -> str | None:
    """A machine date value as ISO (keeping its offset, date only when it has no time)."""
    date = _machine_date(text) if text else None
    return date.iso() if date and (date.offset_hours is not None or not date.has_time) else (
        render_date(date, None) if date else None)
