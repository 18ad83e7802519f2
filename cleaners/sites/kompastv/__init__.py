"""Kompas TV: www, origin and beta hosts, AMP (see shared/research/sites.md §3)."""

import re

from ...rules import DROP, rule
from ...urls import CanonicalRule
from ..profile import HtmlRules, SiteProfile, sig

PROFILE = SiteProfile(
    name="kompastv",
    hosts=(r"(?:www\.|origin\.|beta\.)?kompas\.tv",),
    signatures=(
        sig(r"\bKOMPAS\.TV\b", 3),
        sig(r"(?i)\bkompas\s?tv\b", 1),
        sig(r"^Kompas\s+\w+\s+\|\s+\d{1,2}\s+\w+\s+\d{4}", 2),
        sig(r"^Penulis\s+:\s+.+\s+Editor\s+:\s+.+$", 1),
        # The desktop date line, `span.time-news` (sites.md §3): "Kompas.tv - 11 Juni 2024, 10:35 WIB".
        sig(r"^Kompas\.tv - \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2} WIB\s*$", 3),
    ),
    rules=(
        rule("follow", DROP, r"^gabung\s+ke\s+channel\s+whatsapp\s+kompas\s?tv\b"),
        rule("promo", DROP, r"^saksikan\s+.+\s+tayang\s+setiap\b"),
        rule("ui", DROP, r"^kompas\s?tv\s+video\s+vod$"),
    ),
    # The logo and the header "Kompas TV <section> <subsection>" ("Kompas TV nasional hukum", "Kompas TV
    # TALKSHOW ni luh"): section words are lower or upper case, never a headline's Title Case.
    brand_lines=re.compile(r"^(?i:kompas\s?tv|kompas\.tv)(\s+([a-z-]+|[A-Z-]+)){0,3}$"),
    outlets=re.compile(r"\bkompas\w*", re.I),
    url_section=re.compile(r"^/(?:amp/)?(?P<section>[a-z][a-z-]+)/\d+/"),
    title_suffix=re.compile(r"\s+[-|]\s+Kompas\.?tv$", re.I),
    canonical=CanonicalRule(host_map=((r"(?:origin\.|beta\.)?kompas\.tv", "www.kompas.tv"),)),
    # sites.md §3: the current body container is not documented; .article__body is the old layout's.
    html=HtmlRules(
        body="div.article__body",
        root="article",
        drop="#_popIn_recommend_word, #jxOutstreamContainer, .container_skinad, .mgidclsbanner, [class^='ads-'], "
             ".kgnw-middle, .kgnw-player, amp-ad",
        title="article h1, h1.article__title, h1.title",
        byline="div.author-text",
        date="span.time-news, .meta-date",
        caption="figure figcaption",
        image="figure img, figure amp-img",
    ),
    html_signatures=(sig(r"kompas\.tv", 2), sig(r"KOMPAS\.TV", 2), sig(r'class="author-text"', 1)),
    meta_order=("jsonld", "meta", "dom"),
)

