"""The generic HTML path: trafilatura for precision, then the shared boilerplate rules; metadata from head."""

import json
import subprocess
import sys

from cleaners import clean, clean_html, looks_like_html

from .conftest import ROOT

PARAGRAPHS = [
    "JAKARTA - Pemerintah menaikkan anggaran subsidi pupuk untuk musim tanam tahun depan sebesar dua triliun rupiah.",
    "Menteri Pertanian mengatakan tambahan anggaran itu diharapkan menjaga produksi padi di sentra-sentra utama.",
    "Kelompok tani di Jawa Tengah menyambut baik rencana itu, tetapi meminta distribusi dipercepat sebelum hujan.",
    "Kementerian akan mengawasi penyaluran pupuk melalui kartu tani agar tepat sasaran dan tidak diselewengkan.",
]

PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Anggaran Subsidi Pupuk Naik Dua Triliun - Berita Contoh</title>
<meta property="og:title" content="Anggaran Subsidi Pupuk Naik Dua Triliun">
<meta property="article:published_time" content="2024-10-11T15:32:00+07:00">
<meta name="keywords" content="pupuk, subsidi, pertanian">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Anggaran Subsidi Pupuk Naik Dua Triliun","datePublished":"2024-10-11T15:32:00+07:00",
 "author":[{"@type":"Person","name":"Siti Aminah"}],"articleSection":"Ekonomi"}</script>
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li><li><a href="/ekonomi">Ekonomi</a></li></ul></nav>
<main><article><h1>Anggaran Subsidi Pupuk Naik Dua Triliun</h1>
<p>{p0}</p><p>{p1}</p>
<p><strong>Baca juga: <a href="/x">Harga Gabah Turun di Tingkat Petani</a></strong></p>
<p>{p2}</p><p>{p3}</p>
<p>(ant/ugo)</p>
</article>
<section class="related"><h3>Berita Terkait</h3><ul><li><a href="/a">Harga Beras Naik</a></li>
<li><a href="/b">Panen Raya Dimulai</a></li></ul></section></main>
<footer><p>© 2024 Berita Contoh. All rights reserved.</p></footer>
</body></html>""".replace("{p0}", PARAGRAPHS[0]).replace("{p1}", PARAGRAPHS[1]).replace(
    "{p2}", PARAGRAPHS[2]).replace("{p3}", PARAGRAPHS[3])


def test_generic_html_path():
    a = clean_html(PAGE, "https://contoh.example/ekonomi/2024/10/11/anggaran-subsidi-pupuk?utm_source=x")
    assert a.extractor == "generic" and a.site is None
    assert a.title == "Anggaran Subsidi Pupuk Naik Dua Triliun"
    assert a.published == "2024-10-11T15:32:00+07:00"
    assert a.authors == ["Siti Aminah"]
    assert a.section == "Ekonomi"
    assert a.tags == ["pupuk", "subsidi", "pertanian"]
    assert a.paragraphs == PARAGRAPHS
    assert a.canonical_url == "https://contoh.example/ekonomi/2024/10/11/anggaran-subsidi-pupuk"
    assert a.language == "id"


def test_clean_sniffs_html_and_text():
    assert looks_like_html(PAGE) and not looks_like_html("Judul\n\nParagraf <b>tebal</b> saja.")
    assert clean(PAGE.encode("utf-8")).paragraphs == PARAGRAPHS
    assert clean(PAGE.encode("utf-8")).to_dict()["body"] == "\n\n".join(PARAGRAPHS)


def test_record_has_schema_fields():
    record = clean(PAGE).to_dict()
    assert list(record) == ["url", "canonical_url", "site", "title", "summary", "authors", "editors", "published",
                            "updated", "section", "tags", "image_url", "image_caption", "source", "language",
                            "body", "pages", "extractor", "warnings"]
    json.dumps(record)


def test_cleaners_never_imports_scrapy_or_crawler():
    code = ("import sys, cleaners; cleaners.clean('<html><body><p>x</p></body></html>'); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('scrapy', 'crawler', 'twisted')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
