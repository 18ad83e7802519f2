"""Renderers of the four families' article templates, following shared/research/sites.md.

Each renderer takes a `Page` spec (what the page states) and returns the full HTML the site would serve.
Nothing here is read by `cleaners`; the fixture pages are generated once and committed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from page_chrome import REGIONS, SECTIONS, ad_script, analytics, esc, lazy_widget, menu, slugify, stylesheet

# Body items: ("p", text) paragraph, ("h", text) subheading, ("baca", label, title) read-also insert,
# ("ad", slot) ad slot, ("rekom", heading) recommendation box, ("raw", html) literal markup.
Item = tuple


@dataclass
class Page:
    stem: str
    url: str | None
    title: str
    body: list[Item]
    kicker: str | None = None
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    date_text: str | None = None       # as the page prints it
    date_iso: str | None = None        # machine date the head may carry (only when the page states it)
    date_only: str | None = None       # date-only machine value (jatimtimes JSON-LD)
    caption: str | None = None
    credit: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    source: str | None = None
    section: str | None = None
    extra: dict = field(default_factory=dict)


def ld(obj: dict) -> str:
    return '<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False) + "</script>"


def body_html(items: list[Item], baca_class: str = "baca", heading_tag: str = "h2") -> str:
    out = []
    for item in items:
        kind = item[0]
        if kind == "p":
            out.append(f"<p>{esc(item[1])}</p>")
        elif kind == "pdateline":  # a dateline in bold, as the CMS marks it
            dateline, rest = item[1], item[2]
            out.append(f"<p><strong>{esc(dateline)}</strong>{esc(rest)}</p>")
        elif kind == "h":
            out.append(f"<{heading_tag}>{esc(item[1])}</{heading_tag}>")
        elif kind == "hstrong":
            out.append(f"<p><strong>{esc(item[1])}</strong></p>")
        elif kind == "baca":
            label, title = item[1], item[2]
            href = "/" + slugify(title)
            if baca_class:
                out.append(f'<p class="{baca_class}">{esc(label)} <a href="{href}">{esc(title)}</a></p>')
            else:
                out.append(f'<p><strong>{esc(label)} <a href="{href}">{esc(title)}</a></strong></p>')
        elif kind == "ad":
            out.append(f'<div id="{item[1]}" class="ads-slot" style="width:300px; height:250px;"></div>')
        elif kind == "rekom":
            out.append(f'<div class="recommend-box"><h3 class="rekom-title">{esc(item[1])}</h3>'
                       f'{lazy_widget("rekomendasi-" + str(len(out)), "rekomendasi")}</div>')
        elif kind == "raw":
            out.append(item[1])
        else:
            raise ValueError(kind)
    return "\n".join(out)


def paragraphs(items: list[Item]) -> list[str]:
    """What the record's body holds: paragraphs and subheadings, not inserts."""
    out = []
    for item in items:
        if item[0] in ("p", "h", "hstrong"):
            out.append(item[1])
        elif item[0] == "pdateline":
            out.append(item[1] + item[2])
    return out


# --------------------------------------------------------------------------------------------- tribunnews

TRIBUN_SIDEBAR = [
    "Jadwal Imsakiyah dan Buka Puasa Wilayah Jakarta Hari Ini", "Harga Emas Antam Hari Ini Naik Rp 4.000",
    "Prakiraan Cuaca BMKG Besok di Jawa Tengah", "Link Live Streaming Timnas Indonesia Malam Ini",
    "Kunci Jawaban Matematika Kelas 5 Halaman 87", "Daftar Lengkap Libur Nasional dan Cuti Bersama",
]


def _tribun_head(p: Page, host: str, amp: bool = False) -> str:
    site = host.split(".")[0]
    brand = "Tribunnews.com" if site in ("www", "m") else f"Tribun{site.capitalize()}.com"
    article_ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": p.title,
                  "mainEntityOfPage": {"@type": "WebPage", "@id": p.url} if p.url else None,
                  "image": {"@type": "ImageObject", "url": p.image} if p.image else None,
                  "publisher": {"@type": "Organization", "name": brand,
                                "logo": {"@type": "ImageObject", "url": "https://asset-2.tstatic.net/tribunnews/img/logo.png"}}}
    if p.summary:
        article_ld["description"] = p.summary
    if p.date_iso:
        article_ld["datePublished"] = p.date_iso
    if p.authors:
        article_ld["author"] = [{"@type": "Person", "name": a} for a in p.authors]
    if p.tags:
        article_ld["keywords"] = ", ".join(p.tags)
    article_ld = {k: v for k, v in article_ld.items() if v is not None}
    metas = [f'<meta charset="utf-8"><title>{esc(p.title)} - {brand}</title>',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f'<meta property="og:title" content="{esc(p.title)}">',
             f'<meta property="og:site_name" content="{brand}">', '<meta property="og:type" content="article">']
    if p.summary:
        metas += [f'<meta name="description" content="{esc(p.summary)}">',
                  f'<meta property="og:description" content="{esc(p.summary)}">']
    if p.image:
        metas.append(f'<meta property="og:image" content="{esc(p.image)}">')
    if p.url:
        metas.append(f'<meta property="og:url" content="{esc(p.url)}">')
        canonical = p.url.split("?")[0].replace("://m.", "://www.").replace("/amp/", "/")
        metas.append(f'<link rel="canonical" href="{esc(canonical)}">')
    if p.date_iso:
        metas.append(f'<meta property="article:published_time" content="{p.date_iso}">')
    if p.tags:
        metas.append(f'<meta name="keywords" content="{esc(", ".join(p.tags))}">')
        metas.append(f'<meta name="news_keywords" content="{esc(", ".join(p.tags))}">')
    website = ld({"@context": "https://schema.org", "@type": "WebSite", "name": brand, "url": f"https://{host}/",
                  "potentialAction": {"@type": "SearchAction", "target": f"https://{host}/search?q={{q}}",
                                      "query-input": "required name=q"}})
    head = "\n".join(metas) + "\n" + website + "\n" + ld(article_ld)
    if amp:
        head += ('\n<script async src="https://cdn.ampproject.org/v0.js"></script>'
                 '\n<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>'
                 '\n<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;'
                 'animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>'
                 '\n<style amp-custom>' + stylesheet("amp", 140)[7:-8] + '</style>')
    else:
        head += "\n" + analytics("tribunnews", "G-T3N9KQ2W1") + "\n" + ad_script(
            "72776159/tribunnews", [("desktop_article_billboard", "div-Tribunnews-Home-Center-2-FullBanner"),
                                    ("desktop_article_mr1", "div-Right-MediumRectangle-1"),
                                    ("desktop_article_inarticle", "div-Center-FullBanner-1")]) + "\n" + stylesheet("tr")
    return head


def _tribun_header(host: str, mobile: bool) -> str:
    sections = [(s, f"https://{host}/{slugify(s)}") for s in SECTIONS]
    regions = [(r, f"https://{slugify(r)}.tribunnews.com/") for r in REGIONS]
    logo = '<a class="logo" href="/"><img src="https://asset-2.tstatic.net/tribunnews/img/logo.png" alt="Tribunnews.com" width="190" height="40"></a>'
    if mobile:
        return (f'<div class="tribunx-promo"><a href="https://www.tribunx.com/">Nikmati berita interaktif dan LIVE '
                f'report 24 jam hanya di TribunX</a></div>\n<header class="header-m"><a class="logo-text" href="/">'
                f'Tribun</a><nav class="nav-m" style="display:none">{menu(sections, "menu-m")}</nav></header>')
    return (f'<div id="skinads" class="skinads"></div>\n<header id="header">{logo}<nav id="mainmenu">'
            f'{menu(sections, "nav", "fl")}</nav><div class="regional-menu"><span>Tribun Network</span>'
            f'{menu(regions, "regional")}</div></header>\n<div id="div-Tribunnews-Home-Center-2-FullBanner" '
            f'class="ovh" style="width:970px;height:250px"></div>')


def _tribun_footer() -> str:
    links = [(t, f"https://www.tribunnews.com/{slugify(t)}") for t in
             ("Tentang Kami", "Redaksi", "Pedoman Media Siber", "Kode Etik", "Kebijakan Privasi", "Info Iklan",
              "Kontak Kami", "Karir")]
    return (f'<footer id="footer"><div class="footer-menu">{menu(links, "foot")}</div>'
            f'<div class="copyright">© 2024 TRIBUNnews.com,a subsidiary of KG Media. All Right Reserved</div>'
            f'<a class="totop" href="#top">Atas</a></footer>')


def _tribun_comments() -> str:
    return ('<div id="comment-box" class="mt20"><h3 class="f18">Kirim Komentar</h3>'
            '<div class="fb-comments" data-numposts="5" data-width="100%"></div>'
            '<p class="grey2 f12">Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE.</p>'
            '</div>')


def _tribun_sidebar() -> str:
    items = "".join(f'<li class="p1520 art-list pos_rel"><div class="mr140"><h3><a href="/x/{slugify(t)}">{esc(t)}'
                    f'</a></h3><time class="foot timeago grey">1 jam lalu</time></div></li>' for t in TRIBUN_SIDEBAR)
    return (f'<div id="boxright" class="fr w300"><div id="div-Right-MediumRectangle-1" style="width:300px; '
            f'height:250px;"></div><div class="mb20"><h3 class="f18 fbo">Terpopuler</h3><ul id="latestul">{items}'
            f'</ul></div><div class="belanja-picks">{lazy_widget("belanja", "belanja")}</div></div>')


def _tribun_paging(p: Page) -> str:
    paging = p.extra.get("paging")
    if not paging:
        return ""
    current, total, base = paging
    active = ' class="active"'
    links = "".join(f'<a href="{base}?page={n}"{active if n == current else ""}>{n}</a>' for n in range(1, total + 1))
    nxt = (f'<div class="mb20"><a class="bgblue white ptb5 plr10 f18" href="{base}?page={current + 1}">'
           f'Halaman selanjutnya</a></div>' if current < total else "")
    return (f'<div class="paging ac mt20"><span class="total-page" style="display:none">Halaman {current}/{total}'
            f'</span><span class="paging-label">Halaman</span> {links}'
            f' <a href="{base}?page=all" class="page-all" style="display:none">Tampilkan Semua</a></div>{nxt}')


def tribun_desktop(p: Page) -> str:
    host = p.url.split("/")[2] if p.url else "www.tribunnews.com"
    kicker = f'<h2 class="red f16">{esc(p.kicker)}</h2>' if p.kicker else ""
    summary = f'<div class="f16 grey2 mt10 lead">{esc(p.summary)}</div>' if p.summary else ""
    credit = _tribun_credit(p)
    date = f'<time class="grey">{esc(p.date_text)}</time>' if p.date_text else ""
    image = ""
    if p.image or p.caption:
        cap = p.caption or p.title
        image = (f'<div id="artimg"><div class="pb20 ovh"><div class="ovh imgfull_div"><a class="glightbox" '
                 f'href="{esc(p.image or "")}"><img src="{esc(p.image or "")}" alt="{esc(p.title)}" width="677" '
                 f'height="380"></a></div><div class="arial f12 pt5 grey2">{esc(cap)}</div></div></div>')
    tags = ""
    if p.tags:
        tags = ('<div class="side-article mb5"><h5 class="tagcloud3">' + "".join(
            f'<a href="/tag/{slugify(t)}" title="{esc(t)}">{esc(t)}</a> ' for t in p.tags) + "</h5></div>")
    source = f'<div class="mt10 f14 grey"><span class="sumber">Sumber: {esc(p.source)}</span></div>' if p.source else ""
    breadcrumb = (f'<div class="breadcrumb"><h4><a href="/">Home</a> » <a href="/{slugify(p.section or "news")}">'
                  f'{esc((p.section or "news").capitalize())}</a></h4></div>')
    related = p.extra.get("related_table")
    related_html = ""
    if related:
        heading, titles = related
        rows = "".join(f'<tr><td><a href="/x/{slugify(t)}">{esc(t)}</a></td></tr>' for t in titles)
        related_html = (f'<div class="related-topic mt20"><h3 class="f18 red">{esc(heading)}</h3>'
                        f'<table class="lsi-related">{rows}</table></div>')
    article = f"""<div class="main"><div class="content"><div class="fl w677"><div class="bsh mb20"><div id="article">
{breadcrumb}
{kicker}
<h1 id="arttitle" class="f50 black2 f400 crimson">{esc(p.title)}</h1>
{summary}
<div class="mt10"><div class="f20 credit mt10"><h6>{credit}</h6></div>{date}</div>
<div id="article_con">
{image}
<div class="side-article txt-article multi-fontsize editcontent">
{body_html(p.body)}
</div>
{_tribun_paging(p)}
{tags}
{source}
{related_html}
</div></div></div>
{_tribun_comments()}
</div>{_tribun_sidebar()}</div></div>"""
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n{_tribun_head(p, host)}\n</head>\n<body>\n'
            f'{_tribun_header(host, mobile=False)}\n{article}\n{_tribun_footer()}\n</body>\n</html>\n')


def _tribun_credit(p: Page) -> str:
    parts = []
    if p.authors:
        parts.append('<div id="penulis">Penulis: ' + ", ".join(
            f'<a href="https://www.tribunnews.com/penulis/{slugify(a)}">{esc(a)}</a>' for a in p.authors) + "</div>")
    if p.editors:
        sep = "<br>" if p.extra.get("editor_label_on_own_line") else " "
        parts.append(f'<div id="editor">Editor:{sep}' + ", ".join(
            f'<a href="https://www.tribunnews.com/editor/{slugify(e)}">{esc(e)}</a>' for e in p.editors) + "</div>")
    return "\n".join(parts)


def tribun_mobile(p: Page) -> str:
    host = p.url.split("/")[2]
    summary = f'<h2 class="f16 grey2 lead">{esc(p.summary)}</h2>' if p.summary else ""
    image = (f'<div id="artimg"><div class="pb20 ovh"><button class="zoom-btn" type="button"><span class="icon">zoom-in'
             f'</span> <span class="sr-only">{esc(p.title)}</span></button><div class="ovh imgfull_div"><img src="'
             f'{esc(p.image or "")}" alt=""></div><div class="credit-img f11 grey">{esc(p.credit or "")}</div>'
             f'<div class="arial f12 pt5 grey2">{esc(p.caption or "")}</div></div></div>')
    source = f'<div class="sumber-m">Sumber: {esc(p.source)}</div>' if p.source else ""
    promo = ('<div class="wa-promo"><p>Dapatkan Berita Pilihan<br>di WhatsApp Anda</p><a class="wa-btn" href="https://'
             'whatsapp.com/channel/tribunnews">Baca WhatsApp Tribunnews</a></div><div class="follow-m"><span class='
             '"brand">Tribunnews</span><span>Ikuti kami di</span><a href="https://facebook.com/tribunnews" aria-'
             'label="facebook"></a><a href="https://x.com/tribunnews" aria-label="x"></a></div>')
    article = f"""<div id="article" class="article-m">
<h1 id="arttitle" class="f24 fbo">{esc(p.title)}</h1>
{summary}
<div class="credit mt10">{_tribun_credit(p)}</div>
<div id="article_con">
{image}
<div class="side-article txt-article multi-fontsize">
{body_html(p.body, heading_tag="h2")}
</div>
{_tribun_paging(p)}
{source}
</div></div>"""
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n{_tribun_head(p, host)}\n</head>\n<body>\n'
            f'{_tribun_header(host, mobile=True)}\n{article}\n{promo}\n{_tribun_footer()}\n</body>\n</html>\n')


def tribun_amp(p: Page) -> str:
    host = p.url.split("/")[2]
    sections = "".join(f'<li><a href="https://{host}/{slugify(s)}">{esc(s)}</a></li>' for s in SECTIONS[:8])
    date = f'<time class="grey">{esc(p.date_text)}</time>' if p.date_text else ""
    image = (f'<div id="artimg"><amp-img src="{esc(p.image or "")}" width="640" height="360" layout="responsive" '
             f'alt="{esc(p.title)}"></amp-img><div class="arial f12 pt5 grey2">{esc(p.caption or "")}</div></div>')
    source = f'<div class="sumber">Sumber: {esc(p.source)}</div>' if p.source else ""
    article = f"""<header class="amp-header"><a href="https://{host}/">Tribunnews</a><ul class="amp-menu">{sections}</ul>
<div class="textsize"><span>AA</span><div class="ts-pop"><p>Text Sizes</p><span>Medium</span><span>Large</span>
<span>Larger</span></div></div></header>
<amp-ad width="320" height="100" type="doubleclick" data-slot="/72776159/tribunnews/amp_top"></amp-ad>
<div id="article" class="amp-article">
<h1 id="arttitle">{esc(p.title)}</h1>
<div class="credit">{_tribun_credit(p)}</div>{date}
<div id="article_con">{image}
<div class="side-article txt-article">
{body_html(p.body)}
</div>{source}</div></div>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/72776159/tribunnews/amp_bottom"></amp-ad>"""
    return (f'<!DOCTYPE html>\n<html ⚡ lang="id">\n<head>\n{_tribun_head(p, host, amp=True)}\n</head>\n<body>\n'
            f'{article}\n{_tribun_footer()}\n</body>\n</html>\n')


# ------------------------------------------------------------------------------------------------- medcom

def medcom(p: Page, mobile: bool = False) -> str:
    host = p.url.split("/")[2]
    kanal = [(s, f"https://{host}/{slugify(s)}") for s in
             ("Nasional", "Internasional", "Ekonomi", "Olahraga", "Sepak Bola", "Otomotif", "Teknologi", "Hiburan",
              "Gaya Hidup", "Pendidikan", "Haji", "Properti", "Rona", "Medcom Files", "Cek Fakta", "Video")]
    metas = "\n".join([
        f'<meta charset="utf-8"><title>{esc(p.title)} - Medcom.id</title>',
        f'<meta property="og:title" content="{esc(p.title)}">', '<meta property="og:site_name" content="Medcom.id">',
        f'<meta property="og:image" content="{esc(p.image or "")}">', f'<meta property="og:url" content="{esc(p.url)}">',
        f'<link rel="canonical" href="{esc(p.url.split("?")[0].replace("://m.", "://www."))}">'])
    head = metas + "\n" + analytics("medcom", "G-MDC0M1D") + "\n" + ad_script(
        "21730364/medcom", [("billboard", "Ads_billboard"), ("leaderboard", "leaderboard")]) + "\n" + stylesheet("md")
    caption = esc(p.caption or "")
    blocks = []
    for item in p.body:
        if item[0] == "p":
            blocks.append(esc(item[1]))
        elif item[0] == "baca":
            blocks.append(f'<strong>{esc(item[1])} <a href="https://www.medcom.id/x/{slugify(item[2])}">{esc(item[2])}'
                          f'</a></strong>')
        elif item[0] == "ad":
            blocks.append('<div class="parallax_detail parallaxB"><div class="parallax_abs"><div class="parallax_fix">'
                          '<div class="parallax_ads"><div id="div-gpt-parallax"></div>ADVERTISEMENT</div></div></div>'
                          '</div>')
        elif item[0] == "raw":
            blocks.append(item[1])
    separator = "<br />\n&nbsp;<br />\n"
    text = separator.join(blocks)
    tail = p.extra.get("tail_html", "")
    byline = f"{esc(p.authors[0])} {'-' if mobile else '•'} {esc(p.date_text)}"
    top = '<noscript>comscore</noscript>' if mobile else ""
    related = "".join(f'<li><a href="https://www.medcom.id/x/{i}">{esc(t)}</a></li>' for i, t in enumerate(
        ["Harga Minyak Dunia Melemah", "Timnas U-20 Tundukkan Yaman", "Cuaca Jakarta Diprediksi Hujan Ringan"]))
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
{head}
</head>
<body>
{top}
<div id="Ads_billboard" class="widebanner banner"></div>
<header class="header"><a href="/" class="logo"><img src="https://cdn.medcom.id/logo.svg" alt="Medcom.id"></a>
<nav class="nav_kanal">{menu(kanal, "kanal")}</nav></header>
<div class="leaderboard"></div>
<div class="container"><div class="col_left">
<div class="article_ct">
<div class="pic_ct"><img src="{esc(p.image or '')}" alt="{caption}" title="{caption}"><div class="lightbox_title">{caption}</div>
<div class="caption_ct">{caption}</div></div>
<h1>{esc(p.title)}</h1>
<div class="info_ct">{byline}</div>
<div id="stickshare" class="share_ct"><a class="fb" href="#"></a><a class="tw" href="#"></a><a class="wa" href="#"></a></div>
<div class="text" itemprop="articleBody">{text}{tail}</div>
<div class="reaction_ct"><p>Bagaimana tanggapan anda mengenai artikel ini?</p><ul><li>Happy1</li><li>Inspire</li><li>Confuse1</li><li>Sad1</li></ul></div>
</div>
<div class="terkait_ct"><h3>TERKAIT</h3>{lazy_widget("terkait", "terkait")}</div>
<div class="lainnya_ct"><h3>BERITA LAINNYA</h3><ul>{related}</ul></div>
</div>
<div class="col_right"><div class="skycrapper banner"></div><div class="showcase banner"></div></div></div>
<footer class="footer"><h4>FOLLOW US</h4><p>Ikuti media sosial medcom.id dan dapatkan berbagai keuntungan</p>
<div class="footer_sticky_inside"></div><div class="sticky_bottom"></div><p class="copy">Copyright © 2024 medcom.id</p></footer>
</body>
</html>
"""


# ----------------------------------------------------------------------------------------------- kompastv

def _kompastv_head(p: Page, amp: bool) -> str:
    article_ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": p.title,
                  "image": [p.image] if p.image else [], "publisher": {"@type": "Organization", "name": "KOMPAS TV"}}
    if p.date_iso:
        article_ld["datePublished"] = p.date_iso
    if p.authors:
        article_ld["author"] = {"@type": "Person", "name": p.authors[0]}
    if p.section:
        article_ld["articleSection"] = p.section
    metas = [f'<meta charset="utf-8"><title>{esc(p.title)} - Kompas.tv</title>',
             f'<meta property="og:title" content="{esc(p.title)}">', '<meta property="og:site_name" content="KompasTV">',
             f'<meta property="og:image" content="{esc(p.image or "")}">',
             f'<link rel="canonical" href="{esc(p.url.split("?")[0].replace("/amp/", "/"))}">']
    if p.date_iso:
        metas.append(f'<meta property="article:published_time" content="{p.date_iso}">')
    head = "\n".join(metas) + "\n" + ld(article_ld)
    if amp:
        head += ('\n<script async src="https://cdn.ampproject.org/v0.js"></script>\n<style amp-boilerplate>body{'
                 'animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>\n<style amp-custom>'
                 + stylesheet("ktv", 140)[7:-8] + "</style>")
    else:
        head += "\n" + analytics("kompastv", "G-K0MPASTV1") + "\n" + stylesheet("ktv")
    return head


def kompastv(p: Page, amp: bool) -> str:
    host = p.url.split("/")[2]
    cats = [(c, f"https://{host}/{c.lower()}") for c in
            ("News", "Nasional", "Regional", "Internasional", "Ekonomi", "Olahraga", "Lifestyle", "Entertainment",
             "Talkshow", "Kolom", "Live")]
    author = ""
    if p.authors or p.editors:
        sep = " " if amp else " | "
        author = (f'<div class="author-text">Penulis : <a href="/penulis/{slugify(p.authors[0])}">{esc(p.authors[0])}</a>'
                  f'{sep}Editor : <a href="/editor/{slugify(p.editors[0])}">{esc(p.editors[0])}</a></div>')
    source = f'<div class="source-text">Sumber : {esc(p.source)}</div>' if p.source else ""
    figure = (f'<figure class="main-image"><img src="{esc(p.image or "")}" alt="{esc(p.extra.get("alt", p.title))}">'
              f'<figcaption class="caption">{esc(p.caption or "")}</figcaption></figure>')
    body = body_html(p.body, baca_class="")
    if amp:
        top = (f'<div class="breadcrumb"><a href="https://{host}/amp"><span class="icon-home"></span></a> &gt; '
               f'<a href="https://{host}/amp/{p.section}"><span class="icon-section"></span></a> &gt;</div>')
        date = f'<div class="meta-date">{esc(p.date_text)}</div>'
        latest = "".join(f'<li><a href="/amp/x/{i}">{esc(t)}</a></li>' for i, t in enumerate(
            ["Prabowo Lantik Menteri Baru di Istana", "Update Gempa Hari Ini Menurut BMKG"]))
        article = f"""{top}
<article class="article">
<h1 class="title">{esc(p.title)}</h1>
{date}
{figure}
<div class="article__body">
{body}
</div>
{author}
{source}
</article>
<div class="terbaru"><h3>TERBARU</h3><ul class="amp-latest" hidden>{latest}</ul></div>"""
        return (f'<!DOCTYPE html>\n<html ⚡ lang="id">\n<head>\n{_kompastv_head(p, True)}\n</head>\n<body>\n'
                f'{article}\n</body>\n</html>\n')
    header = (f'<header class="header"><a class="logo" href="/">Kompas TV</a> <span class="kanal">{esc(p.section)}</span>'
              f' <span class="subkanal">{esc(p.extra.get("subsection", ""))}</span><nav>{menu(cats, "cat")}</nav></header>')
    slug_line = f'<div class="slug-img">{esc(p.url.rstrip("/").split("/")[-1])}</div>'
    others = "".join(f'<div class="content-each"><h2 class="title-news"><a href="/x/{i}">{esc(t)}</a></h2>'
                     f'<span class="time-news">2 jam lalu</span></div>' for i, t in enumerate(
                         ["Harga BBM Pertamina Turun Mulai Hari Ini", "Cuaca Ekstrem Landa Jawa Barat"]))
    article = f"""{header}
<div class="container_skinad"></div>
<div class="container"><div class="col-70">
<article>
<h1>{esc(p.title)}</h1>
<span class="time-news">{esc(p.date_text)}</span>
{slug_line}
{figure}
{author}
<div class="article__body">
{body}
</div>
{source}
</article>
<div class="berita-lainnya"><h3>BERITA LAINNYA</h3>{others}</div>
</div><div class="col-30"><div class="mgidclsbanner"></div><h3>VIDEO TERPOPULER</h3>{lazy_widget("vidpop", "video")}</div></div>
<footer><h4>FOLLOW US</h4><p>Gabung ke Channel WhatsApp KompasTV untuk update berita terbaru dan terpercaya.</p>
<div class="alert">Close Ads x</div><p>© 2024 KompasTV. All Rights Reserved</p></footer>"""
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n{_kompastv_head(p, False)}\n</head>\n<body>\n'
            f'{article}\n</body>\n</html>\n')


# --------------------------------------------------------------------------------------------- jatimtimes

JT_CATEGORIES = ["Agama", "Arema", "Citizen Journalism", "Ekonomi", "Gaya Hidup", "Hiburan Seni dan Budaya",
                 "Hukum dan Kriminalitas", "Kesehatan", "Kuliner", "Liputan Khusus", "Olahraga", "Opini", "Otomotif",
                 "Pemerintahan", "Pendidikan", "Peristiwa", "Politik", "Profil", "Riset", "Tekno", "Wisata"]


def _jt_head(p: Page, host: str, site_title: str, amp: bool) -> str:
    news = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": f"{p.title} - {site_title}",
            "image": [p.image] if p.image else [], "publisher": {"@type": "Organization", "name": "Jatim Times Network"}}
    if p.date_only:
        news["datePublished"] = news["dateModified"] = p.date_only
    if p.authors:
        news["author"] = {"@type": "Person", "name": p.authors[0]}
    webpage = {"@context": "https://schema.org", "@type": "WebPage", "name": p.title}
    if p.date_text:
        webpage["datePublished"] = p.date_text
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Hukum dan Kriminalitas", "item": f"https://{host}/kanal/hukum"},
        {"@type": "ListItem", "position": 2, "name": "Ekonomi", "item": f"https://{host}/kanal/ekonomi"}]}
    metas = [f'<meta charset="utf-8"><title>{esc(p.title)} - {site_title}</title>',
             f'<meta name="description" content="Berita terkini tentang {esc(p.title)} - {site_title}">',
             f'<meta property="og:title" content="{esc(p.title)}">',
             f'<meta property="og:description" content="Berita terkini tentang {esc(p.title)} - {site_title}">',
             '<meta property="og:site_name" content="Jatim TIMES">', f'<meta property="og:image" content="{esc(p.image or "")}">',
             f'<link rel="canonical" href="{esc(p.url)}">']
    if not amp:
        metas.append(f'<link rel="amphtml" href="{esc(p.url.replace("/baca/", "/amp/baca/"))}">')
    head = "\n".join(metas) + "\n" + ld(news) + "\n" + ld(webpage) + "\n" + ld(crumbs)
    if amp:
        head += ('\n<script async src="https://cdn.ampproject.org/v0.js"></script>\n<script async custom-element='
                 '"amp-auto-ads" src="https://cdn.ampproject.org/v0/amp-auto-ads-0.1.js"></script>\n<style amp-'
                 'boilerplate>body{animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>\n<style amp-custom>'
                 + stylesheet("jt", 140)[7:-8] + "</style>")
    else:
        head += "\n" + analytics("jatimtimes", "G-JTN2022") + "\n" + stylesheet("jt")
    return head


def _jt_tail(p: Page) -> str:
    return p.extra.get("seo_html", "")


def jatimtimes(p: Page, amp: bool) -> str:
    host = p.url.split("/")[2]
    site_title = p.extra.get("site_title", "JatimTIMES")
    cats = [(c, f"https://{host}/kanal/{slugify(c)}") for c in JT_CATEGORIES]
    body = body_html(p.body, baca_class="")
    topik = ""
    if p.tags:
        links = "".join(f'<a href="https://{host}/tag/{slugify(t)}"><span class="badge badge-warning">{esc(t)}</span></a>, '
                        for t in p.tags)
        topik = f'<div class="topik"><h3>Topik</h3><p class="tag-list">{links}</p></div>'
    caption = (f'<figure class="figure"><img src="{esc(p.image or "")}" alt="{esc(p.caption or "")}">'
               f'<figcaption class="figure-caption foto-caption">{esc(p.caption or "")}</figcaption></figure>')
    related = "".join(f'<li><a href="https://{host}/baca/{300000 + i}/20241101/120000/x">{esc(t)}</a></li>' for i, t in
                      enumerate(["Pemkot Malang Gelar Operasi Pasar", "Arema FC Siapkan Laga Kandang",
                                 "Jalur Alternatif Batu Ditutup Sementara"]))
    if amp:
        avatars = ""
        if p.authors or p.editors:
            boxes = []
            for label, names in (("Reporter", p.authors), ("Editor", p.editors)):
                if names:
                    boxes.append(f'<div class="box-avatar"><div class="text-avatar"><h4 class="title">{label}</h4>'
                                 f'<h4 class="title bold"><a href="https://{host}/penulis/{slugify(names[0])}">'
                                 f'{esc(names[0])}</a></h4></div></div>')
            avatars = f'<div class="block-avatar">{"".join(boxes)}</div>'
        more = p.extra.get("read_more_url", p.url.replace("/amp/", "/"))
        article = f"""<amp-auto-ads type="adsense" data-ad-client="ca-pub-5305511148426364"></amp-auto-ads>
<header class="amp-header"><a href="https://{host}/amp"><amp-img src="https://{host}/logo.png" width="150" height="40" alt="Jatim Times Network Logo"></amp-img></a></header>
<div class="breadcrumbs"><ul class="sitemap" hidden>{menu(cats[:5], "sitemap-list")}</ul></div>
<article class="detail-artikel">
<div class="detail-title"><h1 class="title">{esc(p.title)}</h1></div>
{avatars}
<h4 class="date">{esc(p.date_text)}</h4>
<div class="foto-detail">{caption}</div>
<div class="detail-in">
{body}
</div>
<a class="btn btn-more" href="{esc(more)}">Baca Selengkapnya</a>
{topik}
{_jt_tail(p)}
</article>
<amp-ad width="300" height="250" type="adsense" data-ad-slot="5461029188"></amp-ad>
<div class="detail-artikel berikutnya"><h2 class="titlebox">Berita terkait</h2><ul>{related}</ul>
<h2 class="titlebox">Rekomendasi</h2>{lazy_widget("rekom", "rekomendasi")}</div>
<footer class="amp-footer"><p>© 2023 Jatim Times Network - Hak Cipta Dilindungi Hukum</p></footer>"""
        return (f'<!DOCTYPE html>\n<html ⚡ lang="id">\n<head>\n{_jt_head(p, host, site_title, True)}\n</head>\n'
                f'<body>\n{article}\n</body>\n</html>\n')
    byline = ""
    if p.authors or p.editors:
        byline = (f'<p class="text-muted small"><b>Penulis</b> : {esc(p.authors[0])} - <b>Editor :</b> '
                  f'{esc(p.editors[0])}</p>')
    bottom = ""
    if p.authors or p.editors:
        bottom = (f'<div class="row penulis-box"><div class="col"><h3>Penulis</h3><h4>{esc(p.authors[0])}</h4></div>'
                  f'<div class="col"><h3>Editor</h3><h4>{esc(p.editors[0])}</h4></div></div>')
    kanal = p.section or "Peristiwa"
    article = f"""<nav class="navbar"><a class="navbar-brand" href="/"><img src="https://{host}/logo.png" alt="Jatim Times Network Logo"></a>
{menu(cats, "navbar-nav", "nav-item")}</nav>
<img src="https://www.freecounterstat.com/hit.gif" alt="free web hit counter" width="1" height="1">
<div class="container"><div class="row"><div class="col-lg-8"><div class="p-2 bg-white">
<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Beranda</a></li><li class="breadcrumb-item">/ Baca</li><li class="breadcrumb-item">/ {esc(kanal)}</li></ol></nav>
<a href="https://{host}/kanal/{slugify(kanal)}"><span class="badge badge-primary" id="kater">{esc(kanal)}</span></a>
<h1>{esc(p.title)}</h1>
{byline}
<p class="float-right text-muted">{esc(p.date_text)}</p>
{caption}
<div class="blog-post"><div class="post-body">
{body}
</div></div>
{topik}
<div class="komentar"><h3>Bagaimana Komentarmu ?</h3><div class="fb-comments" data-numposts="5"></div></div>
<div class="update-berita"><h3>UPDATE BERITA JATIM TIMES NETWORK</h3><p>Dapatkan update berita pilihan dan breaking news setiap hari dari JatimTIMES.com dengan klik Langganan Google News Jatimtimes</p></div>
{bottom}
{_jt_tail(p)}
</div></div>
<div class="col-lg-4"><div id="google-ads-1"></div><h3>Berita Terkini</h3><ul>{related}</ul></div></div></div>
<footer><p>© 2023 Jatim Times Network - Hak Cipta Dilindungi Hukum</p><p>NEW DESIGN development by JTN DEV</p></footer>"""
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n{_jt_head(p, host, site_title, False)}\n</head>\n<body>\n'
            f'{article}\n</body>\n</html>\n')
