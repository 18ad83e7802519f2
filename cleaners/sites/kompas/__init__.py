"""Kompas.com: www and the channel subdomains (nasional., regional., bola., otomotif., ...), in two template
versions (see shared/research/sites.md §3b). Kompas TV (kompas.tv) is a family of its own.

- Version 1, 2015-2016, from saved pages (fixtures/*_v1*.html): the news channels' `div.kcm-read` (title
  `h2`, date `Selasa, 16 Februari 2016 | 14:38 WIB`, photo credit `span.author` before the caption text,
  text in `div.kcm-read-text`), bola's `div.kcm-read-content-text` (text in a `span.kcmread<N>`) and
  otomotif's `div.hal-baca` (`h1`, text in `div.div-read`). Penulis, Editor and Sumber stand in a table
  after the text (`div.kcm-read-copy`, otomotif `div.penulis-editor`). No JSON-LD; the `#TAG` row in the
  header is the site's trending list, not the article's tags.
- Version 2, the current template (sites.md §3b; fixtures/read_v2.html is a reconstruction): `h1.read__title`,
  `.read__time` (`Kompas.com - 18/01/2024, 11:40 WIB`), `.read__content`, the `.read__credit` block (Tim
  Redaksi: Penulis, Editor) at the end of the content.
"""

import re

from ...rules import DROP, END, rule
from ...urls import CanonicalRule
from ..profile import HtmlRules, SiteProfile, sig, sig_after

PROFILE = SiteProfile(
    name="kompas",
    hosts=(r"(?:[\w-]+\.)*kompas\.com",),
    signatures=(
        # The dateline ("JAKARTA, KOMPAS.com -"); Kompas TV's reads "KOMPAS.TV".
        sig(r"\bKOMPAS\.com\b", 3),
        sig(r"^Kompas\.com\s+-\s+\d{1,2}/\d{1,2}/\d{4},\s+\d{1,2}:\d{2}\s+WIB\s*$", 3),
        sig(r"^Baca berita tanpa iklan\. Gabung Kompas\.com\+", 2),
        sig(r"(?i)\bkompas\.com\b", 1),
    ),
    rules=(
        # The Kompas.com+ subscription promo printed with the article (sites.md §3b).
        rule("promo", DROP, r"^baca\s+berita\s+tanpa\s+iklan\b"),
        # The heading of the credit block that closes the current template's content: the body has ended;
        # its Penulis/Editor lines are then read as bylines (so `.read__credit` is not dropped unread).
        rule("credit", END, r"^tim\s+redaksi$"),
    ),
    brand_lines=re.compile(r"^(kompas\.com\+?|kompascom)$", re.I),
    # "KOMPAS.com", "KompasOtomotif", "Kompas Cyber Media" (the meta author of every page): not people.
    outlets=re.compile(r"\bkompas\w*", re.I),
    # "Judul - Kompas.com", and "Judul - Kompas.com Regional" on the 2015 regional channel.
    title_suffix=re.compile(r"\s+[-|]\s+Kompas\.com(\s+\w+)?$", re.I),
    # An article is its date and id: `/read/2016/02/23/16374618/<slug>` is the same article whatever the slug
    # (the bola page is linked with two), and www channels keep their path (`www.kompas.com/tren/read/...`).
    canonical=CanonicalRule(
        host_map=((r"kompas\.com", "www.kompas.com"),),
        id_path=r"^(?P<id>(?:/[a-z-]+)?/read/\d{4}/\d{2}/\d{2}/\d+)(?:/|$)",
        id_template="{id}",
    ),
    html=HtmlRules(
        body="div.kcm-read-text, div.kcm-read-content-text span[class^='kcmread'], div.div-read, div.read__content",
        root="div.kcm-read, div.hal-baca, div.read__article",
        # The v1 photo credit precedes the caption text in the caption's own element; v2 ads (sites.md §3b).
        drop=".photo .author, .ads-on-paragraph, .ads-on-body, [class^='kcm__'], [class^='kgnw-']",
        title="div.kcm-read-top h2, div.kcm-read-content-top h2, div.baca-content h1, h1.read__title",
        byline=".kcm-read-copy, .penulis-editor, .read__author, .read__credit",
        # (otomotif's header also prints the day's date in a `.kcm-date`, outside the article)
        date=".kcm-read-top .msmall.grey, .kcm-read .kcm-date, .hal-baca .kcm-date, .read__time",
        caption="div.kcm-read div.photo, div.hal-baca div.photo, .photo__caption",
        image="div.photo img, .photo__wrap img",
        # v2 only (a reconstruction: sites.md does not document the tag list's markup).
        tags=".tag__article__link",
    ),
    html_signatures=(
        # v1's classes: kcm-read, kcm-date, kcm-tag ("Kompas Cyber Media").
        sig(r'class="kcm-[a-z]', 2),
        sig(r'class="read__title', 2),
        sig(r"assets?\.kompas\.com", 1),
        sig(r"KOMPAS\.com", 1),
        sig_after(r"[\w-]", r"\.kompas\.com/read/", 1),
    ),
    # v1 pages have no JSON-LD and a site-wide meta author; the page as shown comes first.
    meta_order=("dom", "jsonld", "meta"),
)
