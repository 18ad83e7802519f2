"""JatimTIMES network: jatimtimes.com, its regional subdomains and malangtimes.com; desktop and AMP
(see shared/research/sites.md §4)."""

import re

from ...rules import DROP, END, rule
from ...urls import CanonicalRule
from ..profile import HtmlRules, SiteProfile, sig, sig_after

PROFILE = SiteProfile(
    name="jatimtimes",
    hosts=(r"(?:[\w-]+\.)*jatimtimes\.com", r"(?:www\.)?malangtimes\.com"),
    signatures=(
        sig(r"\b[A-Z]+TIMES\s*[-–]", 3),
        sig(r"(?i)\bjatim\s?times\b", 2),
        sig(r"^\d{1,2} - [A-Z][a-z]{2} - \d{4}, \d{1,2}:\d{2}\s*$", 3),
        sig(r"^Baca Juga\s:\s", 1),
        sig(r"^Topik\s*$", 1),
    ),
    rules=(
        # The AMP page cuts the article with a "Baca Selengkapnya" link to the desktop page.
        rule("read-more", END, r"^baca\s+selengkapnya$"),
        rule("follow", END, r"^update\s+berita\s+jatim\s+times\s+network\b"),
        rule("follow", DROP, r"\blangganan\s+google\s+news\s+jatimtimes\b"),
        rule("ui", DROP, r"^jatim\s+times\s+network\s+logo$"),
        # Site-wide filler blurb about the province printed under every article (sites.md §5).
        rule("site-blurb", DROP, r"^jawa\s+timur\s+merupakan\s+salah\s+satu\s+provinsi\s+dengan\s+pertumbuhan\s+ekonomi\b"),
    ),
    brand_lines=re.compile(r"^([a-z]+times(\.com)?|jatim\s+times(\s+network)?)$", re.I),
    outlets=re.compile(r"\w*times\b", re.I),
    # /baca/<id>/<YYYYMMDD>/<HHMMSS>/<slug> (sites.md §4.4).
    url_date=re.compile(r"/(?P<year>20\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)/(?P<hms>[0-2]\d[0-5]\d[0-5]\d)(?:/|$)"),
    twelve_hour_clock_url=re.compile(r"^/amp/"),
    # The URL time is sometimes WIB and sometimes UTC (sites.md §4.4): try it as is, then +7 h.
    url_clock_shifts=(0, 7),
    title_suffix=re.compile(r"\s+-\s+[\w ]*TIMES\w*$", re.I),
    canonical=CanonicalRule(
        host_map=((r"(?:www\.)?jatimtimes\.com", "jatimtimes.com"),),
        id_path=r"/baca/(?P<id>\d+)(?:/|$)",
        id_template="/baca/{id}",
    ),
    # sites.md §4.1 (desktop) and §4.2 (AMP), from the publisher's own templates.
    html=HtmlRules(
        body="div.detail-in, div.blog-post div.post-body",
        root="article.detail-artikel, div.col-lg-8 div.p-2.bg-white",
        drop="amp-ad, amp-auto-ads, #google-ads-1, .fb-comments, .breadcrumbs",
        title=".detail-title h1.title, div.col-lg-8 div.p-2.bg-white h1",
        byline=".block-avatar .text-avatar, div.col-lg-8 p:has(> b)",
        date="h4.date, p.float-right.text-muted",
        caption="figcaption.foto-caption, figcaption.figure-caption",
        image="figure img, .foto-detail amp-img",
        tags="a[href*='/tag/'] span.badge-warning, .topik a[href*='/tag/']",
    ),
    html_signatures=(sig(r"Jatim Times Network", 2), sig(r"jatimtimes\.com", 1), sig(r'class="detail-artikel', 2),
                     sig_after("[a-z]", r"times\.com", 1)),
    # JSON-LD dates are date-only and its headline carries the site name: the page is read first.
    meta_order=("dom", "jsonld", "meta"),
)
