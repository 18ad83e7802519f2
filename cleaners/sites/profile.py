"""What a site family's profile declares. Profiles are data; the cleaning code reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..rules import GENERIC_RULES, GENERIC_RULESET, Rule, RuleSet
from ..urls import CanonicalRule


@dataclass(frozen=True)
class Signature:
    """A regex that, found in a saved page without a URL, hints at the family; `weight` says how strongly."""

    pattern: re.Pattern[str]
    weight: float = 1.0
    #: The string the pattern matches when it matches only that one (no class, anchor, repeat or case
    #: folding): `in` finds it 3-4 times faster than the regex does in a 128 KB page.
    literal: str | None = None

    def found_in(self, sample: str) -> bool:
        if self.literal is not None:
            return self.literal in sample
        return self.pattern.search(sample) is not None


#: A regex that stands for one string: characters without a meaning of their own in a regex, or escaped
#: punctuation (an escaped letter or digit is a class or an anchor, `\d`, `\b`).
_PLAIN_REGEX = re.compile(r"(?:[^\\.^$*+?{}\[\]|()]|\\[^A-Za-z0-9])+")


def literal_of(regex: str, flags: int = 0) -> str | None:
    """The one string `regex` matches, or None when it may match others (or the flags change matching)."""
    if flags & ~(re.M | re.S) or not _PLAIN_REGEX.fullmatch(regex):
        return None
    return re.sub(r"\\(.)", r"\1", regex, flags=re.S)


def sig(regex: str, weight: float = 1.0, flags: int = re.M) -> Signature:
    return Signature(re.compile(regex, flags), weight, literal_of(regex, flags))


def sig_after(before: str, literal: str, weight: float = 1.0) -> Signature:
    """`before` (one character's class) then `literal` (a regex of fixed width without a class of its own at
    the start), written literal first: `re` scans the page for a leading literal fast, while a leading class
    (`[a-z]+berita\\.com`) makes it try every position, and the `+` backtrack over every run of letters (about
    1-2 ms on a 60 KB page, more than the page's parse). Found where `before + literal` is found."""
    return sig(f"{literal}(?<={before}{literal})", weight)


@dataclass(frozen=True)
class HtmlRules:
    """Where a family's templates put things, as CSS selectors (alternatives joined with commas cover the
    family's templates: desktop, m., AMP). Text found by `byline` and `date` is read with the same
    recognisers as the text path."""

    #: The article body container; the first element that matches is read.
    body: str
    #: The article's root: lines in it after the body are the tail (source, tags, closing bylines).
    root: str = ""
    #: Removed before anything is read (ads, share bars, inserts with their own markup).
    drop: str = ""
    title: str = ""
    summary: str = ""
    kicker: str = ""
    #: Elements whose text is a byline ("Penulis: X", "Editor: Y", "Name • date", "Reporter"/name pairs).
    byline: str = ""
    date: str = ""
    caption: str = ""
    image: str = ""
    tags: str = ""
    #: Next-page link and the page-count text ("Halaman 1/3") of a split article.
    next_page: str = ""
    page_count: str = ""


@dataclass(frozen=True)
class SiteProfile:
    name: str
    #: Host names of the family (full-match regexes on the lower-cased host).
    hosts: tuple[str, ...]
    #: Text signatures that recognise a page of the family without a URL.
    signatures: tuple[Signature, ...] = ()
    #: Template boilerplate beyond the generic rules.
    rules: tuple[Rule, ...] = ()
    #: Lines that name the site itself (logo text, brand labels): dropped wherever they stand.
    brand_lines: re.Pattern[str] | None = None
    #: The family's outlet names inside a byline ("NamaSitus.com", "Nama TV"): an outlet, not a person.
    outlets: re.Pattern[str] | None = None
    #: A short topic label printed right above the title is a tag (a topic kicker).
    kicker_is_tag: bool = False
    #: A line opening the image block ("zoom-in <title>"): a short credit line and the caption follow.
    image_block: re.Pattern[str] | None = None
    #: "Name • date" / "Name - date" bylines name the author, rather than a section label.
    dated_byline_is_author: bool = False
    #: The date (and time) the family's URLs carry, beyond the common `/YYYY/MM/DD/`: a regex on the path
    #: with `year`, `month`, `day` and optionally `hms` (HHMMSS) groups.
    url_date: re.Pattern[str] | None = None
    #: On URLs matching this, times are printed on a 12-hour clock without AM/PM and the URL's time
    #: (`url_date`'s `hms`) resolves them.
    twelve_hour_clock_url: re.Pattern[str] | None = None
    #: Hours to add to the URL's time to get the page's local hour, tried in order (a URL time that is
    #: sometimes local and sometimes UTC: (0, 7)).
    url_clock_shifts: tuple[int, ...] = (0,)
    #: An article id glued to the front of the URL slug ("nbwo3q5b-judul-berita"), dropped when the title
    #: is matched against the slug.
    slug_id: re.Pattern[str] | None = None
    #: The section as the URL path names it (a regex with a `section` group on the path).
    url_section: re.Pattern[str] | None = None
    #: ` - Site Name` style suffixes to strip from titles.
    title_suffix: re.Pattern[str] | None = None
    canonical: CanonicalRule = field(default_factory=CanonicalRule)
    #: The HTML templates of the family; None: no HTML profile (the generic path reads its pages).
    html: HtmlRules | None = None
    #: Regexes on raw HTML that recognise a saved page of the family without a URL.
    html_signatures: tuple[Signature, ...] = ()
    #: Where metadata is read first: "dom" (the page as shown), "jsonld", "meta" (OpenGraph/article tags).
    meta_order: tuple[str, ...] = ("jsonld", "meta", "dom")
    #: Where a standfirst may be read (JSON-LD/meta descriptions are often synthetic, so DOM only by default).
    summary_sources: tuple[str, ...] = ("dom",)
    #: How to ask for the whole article on one page (`{url}?page=all`); a format string on the URL
    #: without its query, or None.
    all_pages_url: str | None = None
    #: The template prints a standfirst (one or two sentences) right under the title, on every page of a
    #: split article: the line under the title is the summary even where no byline or date follows it.
    standfirst_under_title: bool = False
    #: Links to other articles stand inside the body as bare headlines, without "Baca juga" (a bullet and
    #: a link in the markup): in a roundup whose item headings are numbered, an unnumbered headline line
    #: is such a link, not a heading.
    bare_related_titles: bool = False

    @cached_property
    def ruleset(self) -> RuleSet:
        """The template's rules, then the genre's, prepared once."""
        return RuleSet(self.rules + GENERIC_RULES)

    def matches_host(self, host: str) -> bool:
        return any(re.fullmatch(pattern, host) for pattern in self.hosts)

    def score(self, signatures: tuple[Signature, ...], sample: str) -> float:
        """How strongly a saved page (its text or its HTML) looks like the family's."""
        return sum(s.weight for s in signatures if s.found_in(sample))


def signature_sample(text: str, head: int = 60_000, tail: int = 20_000) -> str:
    """Where templates put their marks: the page's top (header, byline) and bottom (footer)."""
    return text if len(text) <= head + tail else text[:head] + "\n" + text[-tail:]


def ruleset_for(profile: SiteProfile | None) -> RuleSet:
    return profile.ruleset if profile else GENERIC_RULESET
