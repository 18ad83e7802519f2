"""Shared page chrome for the fixture pages: the parts of real news pages that are not the article
(analytics and ad scripts, styles, menus, footers). Each family's renderer picks its own pieces."""

from __future__ import annotations

import html

SECTIONS = ["News", "Nasional", "Internasional", "Regional", "Bisnis", "Ekonomi", "Super Skor", "Sport", "Seleb",
            "Lifestyle", "Kesehatan", "Otomotif", "Techno", "Travel", "Kuliner", "Pendidikan", "Video", "Foto",
            "Cek Fakta", "Infografis", "Opini", "Sains", "Properti", "Hukum", "Politik", "Metropolitan"]
REGIONS = ["Aceh", "Medan", "Padang", "Pekanbaru", "Jambi", "Palembang", "Bangka", "Lampung", "Banten", "Jakarta",
           "Bogor", "Jabar", "Jateng", "Jogja", "Solo", "Surabaya", "Malang", "Madura", "Bali", "Lombok", "Kupang",
           "Pontianak", "Banjarmasin", "Kaltim", "Makassar", "Manado", "Palu", "Kendari", "Ambon", "Papua"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def analytics(site: str, gtm: str) -> str:
    return f"""<script async src="https://www.googletagmanager.com/gtag/js?id={gtm}"></script>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}
gtag('js', new Date());
gtag('config', '{gtm}', {{'anonymize_ip': true, 'content_group': '{site}'}});
(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':new Date().getTime(),event:'gtm.js'}});
var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;
j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer','{gtm}');
var _comscore = _comscore || [];
_comscore.push({{ c1: "2", c2: "9013027" }});
(function() {{ var s = document.createElement("script"), el = document.getElementsByTagName("script")[0];
s.async = true; s.src = "https://sb.scorecardresearch.com/cs/9013027/beacon.js"; el.parentNode.insertBefore(s, el); }})();
</script>
<noscript><img src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=9013027&amp;cv=3.6.0&amp;cj=1" alt=""></noscript>"""


def ad_script(network: str, slots: list[tuple[str, str]]) -> str:
    defs = "\n".join(
        f"  googletag.defineSlot('/{network}/{name}', [[728, 90], [970, 250], [300, 250]], '{div}')"
        f".addService(googletag.pubads());" for name, div in slots)
    return f"""<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script>
window.googletag = window.googletag || {{cmd: []}};
googletag.cmd.push(function() {{
{defs}
  googletag.pubads().enableSingleRequest();
  googletag.pubads().collapseEmptyDivs();
  googletag.pubads().setTargeting('kanal', 'news');
  googletag.enableServices();
}});
</script>"""


def stylesheet(prefix: str, rules: int = 90) -> str:
    """An inline stylesheet of the size real templates inline (a few KB)."""
    body = []
    for i in range(rules):
        body.append(f".{prefix}-c{i}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;font-size:{12 + i % 9}px;"
                    f"line-height:{1.2 + (i % 4) / 10:.1f};color:#{(i * 99991) % 0xFFFFFF:06x}}}")
    return "<style>\n" + "\n".join(body) + "\n</style>"


def menu(links: list[tuple[str, str]], ul_class: str = "menu", li_class: str = "") -> str:
    li = f' class="{li_class}"' if li_class else ""
    return f'<ul class="{ul_class}">' + "".join(f'<li{li}><a href="{esc(h)}">{esc(t)}</a></li>' for t, h in links) + "</ul>"


def lazy_widget(div_id: str, kind: str) -> str:
    """A JS-filled widget: an empty container plus its loader, as recommendation engines ship them."""
    return (f'<div id="{div_id}" class="widget-{kind}" data-widget="{kind}"></div>'
            f'<script>(function(){{var w=document.getElementById("{div_id}");'
            f'fetch("/api/widget/{kind}?ref="+encodeURIComponent(location.pathname)).then(function(r){{return r.text()}})'
            f'.then(function(h){{w.innerHTML=h}}).catch(function(){{}});}})();</script>')
