"""Clearly synthetic article pages in the medcom template, many of them, for crawl tests and benchmarks
(kill-and-resume, throughput): every page its own text, as real articles are.

    pages = synthetic_articles(300)       # {url: html}
    feed = rss_feed(list(pages))          # an RSS 2.0 feed naming them
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from family_pages import Page, medcom  # noqa: E402

SUFFIXES = ("", "nya", "kan", "lah", "an", "i")
WORDS = ["pemerintah", "daerah", "warga", "pasar", "harga", "kebijakan", "anggaran", "sekolah", "jalan", "banjir",
         "petani", "nelayan", "rumah", "sakit", "program", "bantuan", "desa", "kota", "provinsi", "menteri",
         "gubernur", "bupati", "polisi", "pengadilan", "saksi", "proyek"]
FEED_URL = "https://www.medcom.id/rss"


def synthetic_title(n: int) -> str:
    return f"Artikel Sintetis Nomor {n} untuk Pengujian Perayapan"


def synthetic_page(n: int, host: str = "www.medcom.id", words: int = 200) -> tuple[str, str]:
    """(URL, HTML) of synthetic article `n`."""
    url = f"https://{host}/nasional/daerah/Syn{n:05d}x-artikel-sintetis-nomor-{n}"
    rng = random.Random(n)
    text = [rng.choice(WORDS) + rng.choice(SUFFIXES) for _ in range(words)]
    paragraphs = [("p", f"Jakarta: Artikel sintetis nomor {n} untuk pengujian. " + " ".join(text[i:i + 40]) + ".")
                  for i in range(0, words, 40)]
    page = Page(f"syn{n}", url, synthetic_title(n), paragraphs, authors=["Penulis Sintetis"],
                date_text=f"{1 + n % 28} November 2024 10:{n % 60:02d}", caption="Ilustrasi. Medcom.id.",
                image="https://cdn.medcom.id/x.jpg")
    return url, medcom(page)


def synthetic_articles(count: int, host: str = "www.medcom.id") -> dict[str, str]:
    return dict(synthetic_page(n, host) for n in range(count))


def rss_feed(links: list[str], title: str = "Medcom.id") -> str:
    items = "".join(f"<item><title>item</title><link>{escape(link)}</link>"
                    f"<pubDate>Wed, 13 Nov 2024 00:03:00 +0000</pubDate></item>\n" for link in links)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://www.medcom.id</link>\n{items}</channel></rss>\n")
