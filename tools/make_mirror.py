"""Build fixtures/sites/: the offline mirror the crawl tests and `make demo` crawl (see crawler/mirror.py
for how URLs map to files).

    python tools/make_mirror.py

Article pages are the fixture pages (fixtures/html) at their real URLs; listings (RSS, daily index,
sitemaps) and robots.txt are written here in each family's documented shape (shared/research/sites.md).
003 has no known URL; it is placed at a new-style Tribun URL without a date. Test cases: a robots.txt
disallow, a 404, a 503-then-200 page, and a 3-page Tribun article whose `?page=all` still shows pagination.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.mirror import mirror_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
HTML = ROOT / "fixtures" / "html"
EXPECTED = ROOT / "fixtures" / "expected"

URL_003 = "https://www.tribunnews.com/internasional/7401823/putin-berterima-kasih-kepada-pasukan-korea-utara-atas-bantuannya-merebut-kembali-kursk-dari-ukraina"
JATENG = "https://jateng.tribunnews.com/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
SYNDICATED = "https://www.tribunnews.com/regional/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
GONE = "https://www.tribunnews.com/nasional/2024/11/06/artikel-yang-sudah-dihapus-redaksi"
FORBIDDEN = "https://www.tribunnews.com/ajax/2024/11/06/konten-yang-dilarang-robots"
GENERIC_URL = "https://www.contoh-berita.id/ekonomi/2024/11/20/anggaran-subsidi-pupuk-naik-dua-triliun"
GENERIC_PARAGRAPHS = [
    "JAKARTA - Pemerintah menaikkan anggaran subsidi pupuk untuk musim tanam tahun depan sebesar dua triliun rupiah.",
    "Menteri Pertanian mengatakan tambahan anggaran itu diharapkan menjaga produksi padi di sentra-sentra utama.",
    "Kelompok tani di Jawa Tengah menyambut baik rencana itu, tetapi meminta distribusi dipercepat sebelum hujan.",
    "Kementerian akan mengawasi penyaluran pupuk melalui kartu tani agar tepat sasaran dan tidak diselewengkan.",
]
GENERIC_PAGE = ("""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Anggaran Subsidi Pupuk Naik Dua Triliun - Contoh Berita</title>
<meta property="og:title" content="Anggaran Subsidi Pupuk Naik Dua Triliun">
<meta property="article:published_time" content="2024-11-20T09:00:00+07:00"></head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li><li><a href="/ekonomi">Ekonomi</a></li></ul></nav>
<main><article><h1>Anggaran Subsidi Pupuk Naik Dua Triliun</h1>"""
                + "".join(f"<p>{p}</p>" for p in GENERIC_PARAGRAPHS[:2])
                + '<p><strong>Baca juga: <a href="/x">Harga Gabah Turun di Tingkat Petani</a></strong></p>'
                + "".join(f"<p>{p}</p>" for p in GENERIC_PARAGRAPHS[2:])
                + """</article><section><h3>Berita Terkait</h3><ul><li><a href="/a">Harga Beras Naik di Pasar Induk Hari Ini</a></li>
<li><a href="/b">Panen Raya Dimulai di Sentra Padi Jawa</a></li></ul></section></main>
<footer><p>© 2024 Contoh Berita. All rights reserved.</p></footer></body></html>""")
ROBOTS_ALLOW = "User-agent: *\nDisallow:\n"
ROBOTS_TRIBUN = "User-agent: *\nDisallow: /ajax/\nDisallow: /search\n\nSitemap: https://www.tribunnews.com/sitemap.xml\n"


def url_of(stem: str) -> str | None:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))["url"]


def put(url: str, content: str | bytes) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    target = mirror_path(SITES, parts.hostname or "", parts.path, parts.query)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def page(stem: str) -> bytes:
    return (HTML / f"{stem}.html").read_bytes()


def rss(title: str, link: str, items: list[tuple[str, str, str | None]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        + (f"<pubDate>{d}</pubDate>" if d else "") + f"<guid>{escape(u)}</guid></item>\n" for t, u, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>{escape(link)}</link><description>{escape(title)}</description>\n{body}</channel></rss>\n")


def sitemap(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<url><loc>{escape(u)}</loc><news:news><news:publication><news:name>Jatim TIMES</news:name>"
        f"<news:language>id</news:language></news:publication><news:publication_date>{d}</news:publication_date>"
        f"<news:title>{escape(t)}</news:title></news:news></url>\n" for t, u, d in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + body + "</urlset>\n")


def index_page(day: str, links: list[tuple[str, str]], next_url: str | None) -> str:
    items = "".join(f'<li class="ptb15"><h3 class="f16 fbo"><a href="{escape(u)}">{escape(t)}</a></h3>'
                    f'<time class="grey">{day}</time></li>' for t, u in links)
    pager = f'<div class="paging"><a href="{escape(next_url)}">Next</a></div>' if next_url else '<div class="paging"></div>'
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Index Berita {day} - Tribunnews.com'
            f'</title></head><body><div class="main"><h1>Index Berita</h1><ul class="lsi">{items}</ul>{pager}'
            f'</div></body></html>')


def main() -> None:
    shutil.rmtree(SITES, ignore_errors=True)
    for host in ("www.tribunnews.com",):
        put(f"https://{host}/robots.txt", ROBOTS_TRIBUN)
    for host in ("m.tribunnews.com", "jateng.tribunnews.com", "www.medcom.id", "m.medcom.id", "www.kompas.tv",
                 "origin.kompas.tv", "beta.kompas.tv", "jatimtimes.com", "www.malangtimes.com"):
        put(f"https://{host}/robots.txt", ROBOTS_ALLOW)

    # Tribunnews: the five-fixture page 000 at its own (page 2) URL; 003 at a dateless new-style URL;
    # the synthetic 3-page article, whose ?page=all still shows pagination (the layout sites.md §1.3 warns of).
    put(url_of("000_79ab5d31336fbc81"), page("000_79ab5d31336fbc81"))
    put(URL_003, page("003_cdf9e5e3ab3413ae"))
    put(JATENG, page("s01_tribunnews_jateng_page1"))
    for n in (1, 2, 3):
        put(f"{JATENG}?page={n}", page(f"s01_tribunnews_jateng_page{n}"))
    put(f"{JATENG}?page=all", page("s01_tribunnews_jateng_page1"))
    amp = url_of("s02_tribunnews_amp")
    put(amp, page("s02_tribunnews_amp"))
    from urllib.parse import urlsplit

    target = mirror_path(SITES, urlsplit(amp).hostname, urlsplit(amp).path)
    target.with_name(target.name + ".responses").write_text("[503]\n")  # busy once, then served
    put("https://www.tribunnews.com/rss", rss("Tribunnews.com", "https://www.tribunnews.com", [
        ("Banjir Rob Genangi Pantura Semarang, Ribuan Warga Mengungsi", JATENG, "Tue, 05 Nov 2024 07:20:00 +0000"),
        ("KPU Tetapkan Jadwal Debat Pilkada Serentak Putaran Kedua", amp, "Wed, 06 Nov 2024 02:15:00 +0000"),
        ("Putin Berterima Kasih kepada Pasukan Korea Utara atas Bantuannya Merebut Kembali Kursk dari Ukraina", URL_003, None),
        ("Artikel yang Sudah Dihapus Redaksi", GONE, "Wed, 06 Nov 2024 05:00:00 +0000"),
        ("Konten yang Dilarang Robots", FORBIDDEN, "Wed, 06 Nov 2024 06:00:00 +0000"),
    ]))
    idx = "https://www.tribunnews.com/index-news?date={}"
    put(idx.format("2024-11-6"), index_page("2024-11-6", [
        ("KPU Tetapkan Jadwal Debat Pilkada Serentak Putaran Kedua", amp)], idx.format("2024-11-6") + "&page=2"))
    put(idx.format("2024-11-6") + "&page=2", index_page("2024-11-6", [
        ("Artikel yang Sudah Dihapus Redaksi", GONE), ("Konten yang Dilarang Robots", FORBIDDEN)], None))
    put(idx.format("2024-11-5"), index_page("2024-11-5", [
        ("Banjir Rob Genangi Pantura Semarang, Ribuan Warga Mengungsi", JATENG)], None))
    put(idx.format("2024-11-4"), index_page("2024-11-4", [], None))
    put(idx.format("2024-11-7"), "<html><body><p>Maaf, server sedang sibuk.</p></body></html>")  # a broken listing

    # Medcom.
    for stem in ("001_a373cb1957e14108", "s03_medcom_mobile", "s04_medcom_www"):
        put(url_of(stem), page(stem))
    put("https://www.medcom.id/rss", rss("Medcom.id", "https://www.medcom.id", [
        ("Zelensky Tuding Korut Siap Kirim 10.000 Tentara ke Rusia untuk Bantu Perang", url_of("001_a373cb1957e14108"),
         "Fri, 18 Oct 2024 06:11:00 +0000"),
        ("Harga Cabai Rawit di Pasar Induk Turun Jelang Akhir Pekan", url_of("s03_medcom_mobile"), "Wed, 13 Nov 2024 00:03:00 +0000"),
        ("KPK Periksa Tiga Saksi Kasus Pengadaan Bansos", url_of("s04_medcom_www"), "Thu, 14 Nov 2024 09:45:00 +0000"),
    ]))

    # Kompas TV.
    for stem in ("004_69ee16c09114b4dc", "s05_kompastv_desktop", "s06_kompastv_amp"):
        put(url_of(stem), page(stem))
    put("https://www.kompas.tv/rss", rss("KompasTV", "https://www.kompas.tv", [
        ("Respons Rusia usai Tentara Korea Utara Diklaim Bantu Pasukan Putin di Ukraina: Itu Berita Palsu",
         url_of("004_69ee16c09114b4dc"), "Fri, 11 Oct 2024 08:32:00 +0000"),
        ("Sidang Lanjutan Kasus Korupsi Tol Digelar Hari Ini di Pengadilan Tipikor", url_of("s05_kompastv_desktop"),
         "Tue, 12 Nov 2024 03:35:00 +0000"),
        ("Jembatan Gantung Putus, Warga Dua Desa Terisolasi", url_of("s06_kompastv_amp"), "Wed, 13 Nov 2024 01:00:00 +0000"),
    ]))

    # JatimTIMES network.
    for stem in ("002_47c8d720653f142a", "s07_jatimtimes_desktop", "s08_malangtimes_amp"):
        put(url_of(stem), page(stem))
    jt = [("Festival Kopi Lereng Arjuno Dipadati Ribuan Pengunjung", url_of("s07_jatimtimes_desktop"), "2024-11-15"),
          ("Rusia dan Korea Utara Perkuat Aliansi di Tengah Perang Ukraina", url_of("002_47c8d720653f142a"), "2024-11-12")]
    put("https://jatimtimes.com/sitemap.xml", sitemap(jt))
    put("https://jatimtimes.com/sitemap/allNews/1.xml", sitemap(jt))
    put("https://jatimtimes.com/sitemap/allNews/2.xml", sitemap([
        ("Berita Lama dari Bulan Oktober", "https://jatimtimes.com/baca/320001/20241001/080000/berita-lama", "2024-10-01")]))
    mt = [("Arema FC Menang Tipis atas Tamunya", url_of("s08_malangtimes_amp"), "2024-11-16")]
    put("https://www.malangtimes.com/sitemap.xml", sitemap(mt))
    put("https://www.malangtimes.com/sitemap/allNews/1.xml", sitemap(mt))
    put("https://www.malangtimes.com/sitemap/allNews/2.xml", sitemap([]))

    # The same (synthetic) story syndicated to www with its own dateline: a near-duplicate for the store.
    copy = page("s01_tribunnews_jateng_pageall").decode("utf-8")
    copy = copy.replace("TRIBUNJATENG.COM, SEMARANG", "TRIBUNNEWS.COM, SEMARANG").replace(JATENG, SYNDICATED)
    put(SYNDICATED, copy)

    # A site no profile knows (synthetic), for the `news` spider's generic path.
    put("https://www.contoh-berita.id/robots.txt", ROBOTS_ALLOW)
    put(GENERIC_URL, GENERIC_PAGE)

    files = sorted(p for p in SITES.rglob("*") if p.is_file())
    print(f"{len(files)} files under {SITES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
