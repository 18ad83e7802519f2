"""Tribunnews: www, m., AMP and the regional subdomains (see shared/research/sites.md §1)."""

import re

from ...rules import DROP, rule
from ...urls import CanonicalRule
from ..profile import HtmlRules, SiteProfile, sig

PROFILE = SiteProfile(
    name="tribunnews",
    hosts=(r"(?:[\w-]+\.)*tribunnews\.com",),
    signatures=(
        sig(r"\bTRIBUNNEWS\.COM\b", 3),
        sig(r"TRIBUN[A-Z]+\.COM\s*[,-]", 2),
        sig(r"(?i)\bTribun(news|X|[A-Z][a-z]+)\b", 1),
        sig(r"^zoom-in\s", 2),
        sig(r"^Isi komentar sepenuhnya adalah tanggung jawab pengguna", 1),
        sig(r"a subsidiary of KG Media", 1),
    ),
    rules=(
        # Header promo of the m. and www templates.
        rule("promo", DROP, r"^nikmati\s+berita\s+interaktif\b"),
        rule("promo", DROP, r"^baca\s+whatsapp\s+tribun"),
        # "Laporan Wartawan Tribunnews.com Nama" reporter line at the top of the body.
        rule("reporter-line", DROP, r"^laporan\s+(wartawan|reporter|koresponden)\s+\S+\.(com|co\.id)\b"),
        rule("page-break", DROP, r"^\d+\s*dari\s*\d+\s*halaman$"),
    ),
    brand_lines=re.compile(r"^(tribun\w*(\.com)?|tribunnews(\.com)?|tribun\s+network)$", re.I),
    outlets=re.compile(r"\btribun\w*", re.I),
    kicker_is_tag=True,
    # Every page of a split article repeats the header: topic label, title, the one-sentence standfirst
    # (sites.md §1.1 "Lead / summary", §1.3), so the line under the title is the summary on page 2+ too.
    standfirst_under_title=True,
    # Read-also inserts without the words "Baca juga": a bullet and a linked headline (sites.md §7); in a
    # page text only the headline is left, standing between a roundup's numbered items.
    bare_related_titles=True,
    url_section=re.compile(r"^/(?:amp/)?(?P<section>[a-z][a-z-]+)/(?:\d{4}/\d{2}/\d{2}|\d+)/"),
    image_block=re.compile(r"^zoom-in\b", re.I),
    title_suffix=re.compile(r"\s+[-|]\s+Tribun[\w.]*(\s+\w+)?$", re.I),
    canonical=CanonicalRule(host_map=((r"m\.tribunnews\.com", "www.tribunnews.com"),)),
    # sites.md §1.1-1.4: classic desktop/regional layout, shared by m. and AMP pages.
    html=HtmlRules(
        body="div.side-article.txt-article",
        root="div#article",
        drop="p.baca, .readalso, .ads, [id^='div-Center-FullBanner'], [id^='div-Right-MediumRectangle'], "
             "#bannerku, #bannerkubawah, .reserved_box_ads, .belanja-picks, .pushdown-banner, "
             ".article-content-body__item-break-index, amp-ad, "
             # An in-body figure (2020 template, sites.md §7): its caption is another picture's, not body.
             "div.txt-article figure",
        title="h1#arttitle",
        kicker="h2.red.f16, div#article > h2.red",
        byline="#penulis, #editor",
        date="div.mt10 time, time.grey, time span, div#article div.grey > time",
        caption="#artimg div.arial.f12.pt5.grey2",
        image="#artimg img, #artimg amp-img, div.imgfull_div img",
        tags="h5.tagcloud3 a",
        next_page="div.mb20 a.bgblue, a.bgblue.white.ptb5.plr10.f18",
        page_count="span.total-page",
    ),
    html_signatures=(
        sig(r'id="arttitle"', 2),
        sig(r"tstatic\.net", 1),
        sig(r"TRIBUNnews\.com", 1),
        sig(r'class="side-article txt-article', 2),
    ),
    # The lead has no element of its own; the description tag carries it (sites.md §1.1).
    meta_order=("dom", "jsonld", "meta"),
    summary_sources=("dom", "meta"),
    all_pages_url="{url}?page=all",
)

