"""Medcom.id: www and m. (see shared/research/sites.md §2)."""

import re

from ...rules import END, rule
from ...urls import CanonicalRule
from ..profile import HtmlRules, SiteProfile, sig

PROFILE = SiteProfile(
    name="medcom",
    hosts=(r"(?:www\.|m\.)?medcom\.id",),
    signatures=(
        sig(r"\bmedcom\.id\b", 2, re.I | re.M),
        sig(r"^[^\n•]{3,60}\s•\s\d{1,2}\s+[A-Za-z]+\s+\d{4}\s+\d{1,2}:\d{2}\s*$", 3),
        sig(r"^Cek Berita dan Artikel yang lain di\s*$", 2),
        sig(r"^Bagaimana tanggapan anda mengenai artikel ini\?", 2),
    ),
    rules=(
        rule("follow", END, r"^ikuti\s+media\s+sosial\s+medcom"),
        rule("reactions", END, r"^bagaimana\s+tanggapan\s+anda\b"),
    ),
    brand_lines=re.compile(r"^(medcom(\.id)?|medcom\s+(files|hub))$", re.I),
    outlets=re.compile(r"\bmedcom\b", re.I),
    dated_byline_is_author=True,
    # A label above the headline ("Terpopuler Nasional" on the daily roundups) is a topic label, as on
    # Tribun; the image caption printed twice above it is not (it is told apart as a repeated line).
    kicker_is_tag=True,
    # The slug starts with the article's 8-character id ("nbwo3q5b-zelensky-tuding-...").
    slug_id=re.compile(r"(?=.*\d)[a-z0-9]{6,10}"),
    url_section=re.compile(r"^/(?P<section>[a-z][a-z-]+)/[a-z-]+/[a-z0-9]{8}-"),
    title_suffix=re.compile(r"\s+[-|]\s+Medcom(\.id)?$", re.I),
    canonical=CanonicalRule(host_map=((r"(?:m\.)?medcom\.id", "www.medcom.id"),)),
    # sites.md §2: blocks separated by <br />&nbsp;<br />, not <p>; reading lines at <br> handles both.
    html=HtmlRules(
        body='div.text[itemprop="articleBody"], div.article_ct div.text',
        root="div.article_ct",
        drop=".parallax_detail, .parallax_ads, #stickshare, [class^='ads-'], .leaderboard, .widebanner",
        title="div.article_ct h1",
        byline="div.info_ct",
        caption="div.article_ct .caption_ct, div.article_ct img[alt]",
        image="div.article_ct .pic_ct img",
    ),
    html_signatures=(sig(r'class="article_ct"', 3), sig(r"medcom\.id", 1), sig(r'class="info_ct"', 1)),
    meta_order=("dom", "meta", "jsonld"),
)

