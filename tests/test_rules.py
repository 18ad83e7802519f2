"""Each rule family on lines the fixtures do not contain."""

import re
import string

import pytest

from cleaners import recognise as L
from cleaners.rules import GENERIC_RULES, Action, first_match
from cleaners.rules.metrics import link_list_indexes
from cleaners.sites import profile_for
from cleaners.sites.jatimtimes import PROFILE as JATIMTIMES
from cleaners.sites.medcom import PROFILE as MEDCOM
from cleaners.sites.profile import literal_of, sig, sig_after
from cleaners.sites.registry import PROFILES, fixture_dirs
from cleaners.sites.tribunnews import PROFILE as TRIBUN
from cleaners.urls import canonical_url, slug_words


def action(line, extra=()):
    found = first_match(line, (*extra, *GENERIC_RULES))
    return found.action if found else None


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Harga Beras Naik Lagi di Pasar Induk",
        "Baca Juga : Gunung Semeru Kembali Erupsi",
        "BacaJuga : Daftar Pemenang Lomba",
        "Baca: Menteri Umumkan Kebijakan Baru",
        "BACA JUGA: Banjir Rendam Ratusan Rumah",
        "Simak juga: Video Kebakaran Pasar",
        "Berita Rekomendasi",
        "Baca selengkapnya di sini",
        "Selengkapnya baca di sini",
        "Klik di sini untuk membaca artikel",
        "(FJR)",
        "(wan/ugo)",
        "Google News",
        "Dapatkan Berita Pilihan",
        "Ikuti kami di",
        "Text Sizes",
        "Close Ads x",
        "> >",
        "comscore",
        "123",
        "Beranda > Nasional > Politik",
        "Home / Baca / Peristiwa",
        "Nasional Ekonomi Olahraga Hiburan Teknologi",
        "News Bisnis Super Skor Sport Seleb Lifestyle",
        "sidang-lanjutan-kasus-korupsi-tol-digelar",
    ],
)
def test_inline_boilerplate_is_dropped(line):
    assert action(line) is Action.DROP


@pytest.mark.parametrize(
    "line",
    [
        "Halaman",
        "Halaman 1/4",
        "Halaman selanjutnya",
        "TERKAIT",
        "BERITA LAINNYA",
        "Berita Terkait",
        "TERBARU",
        "VIDEO TERPOPULER",
        "Rekomendasi untuk Anda",
        "FOLLOW US",
        "Kirim Komentar",
        "Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE.",
        "Bagaimana tanggapan anda mengenai artikel ini?",
        "© 2024 TRIBUNnews.com,a subsidiary of KG Media. All Right Reserved",
        "© 2023 Jatim Times Network - Hak Cipta Dilindungi Hukum",
        "Cek Berita dan Artikel yang lain di Google News",
        "Harga Emas Antam Hari Ini Turun Rp 5.000 |",
        "---|",
    ],
)
def test_tail_blocks_end_the_body(line):
    assert action(line) is Action.END


@pytest.mark.parametrize(
    "line",
    [
        "Presiden menyebut hubungan pertahanan harus diubah.",
        "Baca buku adalah hobi yang disebut Presiden dalam pidatonya.",
        "Halaman rumah warga terendam banjir setinggi lutut.",
        "Rusia cegat 47 pesawat nirawak Ukraina",
        "Hubungan Rusia-Moskow Kian 'Romantis'",
        "Terkait hal itu, polisi masih menyelidiki penyebabnya.",
        "Sumber api diduga berasal dari korsleting listrik.",
        "Ekonomi Nasional dan Politik Daerah Dibahas di Rapat",
        "Pertumbuhan Ekonomi Nasional, Kata Menteri, Ditopang Konsumsi",
    ],
)
def test_article_lines_are_kept(line):
    assert action(line) is None


def test_site_template_rules():
    assert action("Baca Selengkapnya", JATIMTIMES.rules) is Action.END
    assert action("Baca Selengkapnya") is Action.DROP  # a link label elsewhere
    assert action("Nikmati berita interaktif dan LIVE report 24 jam hanya di TribunX", TRIBUN.rules) is Action.DROP
    assert action("Laporan Wartawan Tribunnews.com, Rina Ayu", TRIBUN.rules) is Action.DROP
    assert action("Ikuti media sosial medcom.id dan dapatkan berbagai keuntungan", MEDCOM.rules) is Action.END


def test_link_lists():
    lines = ["Paragraf berita yang panjang dan berakhir dengan titik.", "cara menyimpan tomat",
             "memilih model baju kerja wanita", "harga gabah shio 2025", "Paragraf lain."]
    assert link_list_indexes(lines) == {1, 2, 3}
    # One subheading followed by a paragraph stays; two short lines at the very end are a list.
    assert link_list_indexes(["Subjudul", "Paragraf."]) == set()
    assert link_list_indexes(["Paragraf.", "tips diet sehat", "resep kue lebaran"]) == {1, 2}


@pytest.mark.parametrize(
    ("line", "authors", "editors", "open_roles"),
    [
        ("Penulis: Andari Wulan Nugrahani", ["Andari Wulan Nugrahani"], [], []),
        ("Penulis: Rina Ayu | Editor: Dewi Agustina", ["Rina Ayu"], ["Dewi Agustina"], []),
        ("Penulis : Haryo Jati Editor : Vyara-Lestari", ["Haryo Jati"], ["Vyara-Lestari"], []),
        ("Penulis : Anggara Sudiongko - Editor : Dede Nana", ["Anggara Sudiongko"], ["Dede Nana"], []),
        ("Reporter: Budi Santoso, Siti Aminah dan Joko", ["Budi Santoso", "Siti Aminah", "Joko"], [], []),
        ("Editor:", [], [], ["editor"]),
        ("Reporter", [], [], ["reporter"]),
        ("Penulis: Tim Redaksi | Editor: Ani", [], ["Ani"], []),
    ],
)
def test_bylines(line, authors, editors, open_roles):
    assert L.is_byline(line)
    parsed = L.parse_byline(line)
    assert (parsed.authors, parsed.editors, parsed.open_roles) == (authors, editors, open_roles)


@pytest.mark.parametrize("line", ["Editor foto itu mengatakan hal yang sama kepada wartawan di lokasi kejadian.",
                                  "Penulisan laporan itu memakan waktu dua bulan."])
def test_not_bylines(line):
    assert not L.is_byline(line)


def test_date_lines():
    dated = L.parse_date_line("Marcheilla Ariesta • 18 Oktober 2024 13:11")
    assert (dated.label, dated.separator) == ("Marcheilla Ariesta", "•")
    dated = L.parse_date_line("Kompas dunia | 11 Oktober 2024, 15:32 WIB")
    assert (dated.label, dated.separator) == ("Kompas dunia", "|")
    assert L.parse_date_line("Diperbarui: Senin, 14 Oktober 2024 10:00 WIB").updated
    # A sentence that mentions a date is not a date line.
    assert L.parse_date_line("Militer Ukraina pada hari Sabtu, 12 Oktober 2024, menyerang depot minyak di Luhansk.") is None


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Presiden Joko Widodo meninjau lokasi banjir. (Foto: Dok. Setpres)", True),
        ("Suasana sidang di Jakarta. (ANTARA/Aprillio Akbar)", True),
        ("Warga antre minyak goreng. (AFP)", True),
        ("Gedung DPR di Senayan. (KOMPAS.com/Nama Fotografer)", True),
        ("Pemimpin Korea Utara bertemu Putin. (Sumber: Sputnik via AP)", True),
        ("Presiden mengucapkan terima kasih kepada pasukan dari Korea (Korea Utara )", False),
        ("Harga cabai naik (per kilogram)", False),
    ],
)
def test_photo_credits(line, caption):
    assert L.has_photo_credit(line) is caption


def test_source_and_tags():
    assert L.parse_source("Sumber: Tribun Medan") == "Tribun Medan"
    assert L.parse_source("Sumber : Kompas TV") == "Kompas TV"
    assert L.parse_source("Sumber api diduga dari dapur warga yang ditinggal pemiliknya.") is None
    assert L.parse_tags_label("Topik") == ""
    assert L.parse_tags_label("Tags: banjir, Jakarta") == "banjir, Jakarta"
    assert L.split_tags("Internasional, Perang Ukraina, Kim Jong Un,") == ["Internasional", "Perang Ukraina", "Kim Jong Un"]


def test_site_recognition():
    assert profile_for(url="https://aceh.tribunnews.com/nanggroe/997820/judul").name == "tribunnews"
    assert profile_for(url="https://m.medcom.id/nasional/hukum/abcd1234-judul").name == "medcom"
    assert profile_for(url="https://beta.kompas.tv/nasional/1234/judul").name == "kompastv"
    assert profile_for(url="https://madura.jatimtimes.com/baca/3331350404/20260916/044000/x").name == "jatimtimes"
    assert profile_for(url="https://malangtimes.com/baca/3331346365/20260101/100000/x").name == "jatimtimes"
    assert profile_for(url="https://www.kompas.com/read/2024/01/01/judul").name == "kompas"
    assert profile_for(url="https://nottribunnews.com.evil.example/x") is None
    assert profile_for(text="SURYA.CO.ID, BANYUWANGI - isi\nTRIBUNNEWS.COM") .name == "tribunnews"
    assert profile_for(text="Sebuah teks tanpa penanda situs apa pun.") is None
    # A known URL host outside the families means the generic path, whatever the text says.
    assert profile_for(url="https://example.org/berita/1", text="TRIBUNNEWS.COM, JAKARTA -") is None


def test_html_signatures_start_with_a_literal():
    """An HTML signature is searched for in up to 200 KB of a page without a URL: one that starts with a
    literal is found by `re`'s fast scan for it; a leading class (`[a-z]+times\\.com`) or `\\b` makes the
    search try every position, milliseconds a page."""
    from re import _parser

    for profile in PROFILES:
        for signature in profile.html_signatures:
            first = _parser.parse(signature.pattern.pattern, signature.pattern.flags)[0]
            assert str(first[0]) == "LITERAL" and not signature.pattern.flags & re.I, (
                profile.name, signature.pattern.pattern)


def test_sig_after_finds_what_the_class_then_the_literal_finds():
    for before, literal in (("[a-z]", r"times\.com"), (r"[\w-]", r"\.kompas\.com/read/")):
        written = sig_after(before, literal).pattern
        plain = re.compile(before + literal, re.M)
        for text in ("malangtimes.com", "times.com", "Xtimes.com", "a times.com", "jatimtimes.co", "atimes.comx",
                     "https://regional.kompas.com/read/2024", ".kompas.com/read/", " .kompas.com/read/",
                     "x-.kompas.com/read/", "a.kompas.com/rea", "\ntimes.com\nztimes.com"):
            assert bool(written.search(text)) == bool(plain.search(text)), (before, literal, text)


@pytest.mark.parametrize(
    ("regex", "flags", "literal"),
    [
        (r"jatimtimes\.com", re.M, "jatimtimes.com"),
        (r'class="read__title', re.M, 'class="read__title'),
        (r"Jatim Times Network", re.M, "Jatim Times Network"),
        (r"a\\b\-c\ d#e", re.M, "a\\b-c d#e"),
        (r"medcom\.id", re.I | re.M, None),
        (r"(?i)\bkompas\.com\b", re.M, None),
        (r"assets?\.kompas\.com", re.M, None),
        (r'class="kcm-[a-z]', re.M, None),
        (r"^zoom-in\s", re.M, None),
        (r"TRIBUN[A-Z]+\.COM", re.M, None),
        (r"a.b", re.M, None),
        (r"a|b", re.M, None),
        (r"a{2}", re.M, None),
        (r"\d+", re.M, None),
        (r"x$", re.M, None),
        (r"a b", re.X, None),
    ],
)
def test_a_signature_searches_plain_strings_with_in_and_finds_what_its_regex_finds(regex, flags, literal):
    assert literal_of(regex, flags) == literal
    signature = sig(regex, flags=flags)
    for text in ("", "jatimtimes.com", "jatimtimesXcom", 'x class="read__title"', "Jatim Times Network", "JATIMTIMES.COM",
                 "a\\b-c d#e", "MEDCOM.ID", "kompas.com", "asset.kompas.com", 'class="kcm-a', "zoom-in x", "TRIBUNJATIM.COM",
                 "axb", "b", "aa", "12", "x\ny", "ab"):
        assert signature.found_in(text) == bool(re.compile(regex, flags).search(text)), (regex, text)


def test_every_family_signature_finds_what_its_regex_finds_on_the_fixture_pages():
    pages = [p.read_text(encoding="utf-8") for d in fixture_dirs() for p in sorted(d.glob("*.html"))]
    for profile in PROFILES:
        for signature in (*profile.html_signatures, *profile.signatures):
            for page in pages:
                assert signature.found_in(page) == bool(signature.pattern.search(page)), signature.pattern.pattern


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://m.tribunnews.com/internasional/2024/10/14/judul-berita?page=2",
         "https://www.tribunnews.com/internasional/2024/10/14/judul-berita"),
        ("http://www.tribunnews.com/amp/nasional/2024/10/14/judul?utm_source=x&id=5",
         "https://www.tribunnews.com/nasional/2024/10/14/judul?id=5"),
        ("https://jateng.tribunnews.com/amp/2024/10/14/judul", "https://jateng.tribunnews.com/2024/10/14/judul"),
        ("https://m.medcom.id/nasional/hukum/abcd1234-judul?utm_source=m", "https://www.medcom.id/nasional/hukum/abcd1234-judul"),
        ("https://origin.kompas.tv/amp/internasional/545135/judul?page=all",
         "https://www.kompas.tv/internasional/545135/judul"),
        ("https://jatimtimes.com/amp/baca/324990/20241112/160000/privacy", "https://jatimtimes.com/baca/324990"),
        ("https://www.jatimtimes.com/baca/324990/20241112/090000/judul-lain", "https://jatimtimes.com/baca/324990"),
        ("https://madiun.jatimtimes.com/baca/3331340232/20260101/010000/x", "https://madiun.jatimtimes.com/baca/3331340232"),
    ],
)
def test_canonical_urls(url, canonical):
    assert canonical_url(url, profile_for(url=url).canonical) == canonical


def test_slug_words():
    assert slug_words("https://www.medcom.id/a/b/nbwo3q5b-zelensky-tuding-korut", MEDCOM.slug_id) == [
        "zelensky", "tuding", "korut"]
    assert slug_words("https://www.medcom.id/a/b/nbwo3q5b-zelensky-tuding-korut")[0] == "nbwo3q5b"
    assert slug_words("https://jatimtimes.com/amp/baca/324990/20241112/160000/privacy") == []


@pytest.mark.parametrize(("line", "authors"), [
    ("Kontributor Lhokseumawe, Masriadi", ["Masriadi"]),            # the bureau, then the name
    ("Penulis : Kontributor Malang, Andi Hartik", ["Andi Hartik"]),  # one role, named by the next token
    ("Kontributor: Andi, Budi", ["Andi", "Budi"]),                   # a colon: names, not a place
    ("Penulis: Andi Saputra, Budi Santoso", ["Andi Saputra", "Budi Santoso"]),
    ("Wartawan Surabaya, Siti Aminah", ["Siti Aminah"]),
])
def test_bylines_with_a_bureau(line, authors):
    assert L.parse_byline(line).authors == authors


def test_screened_rulesets_match_as_the_rules_do():
    """RuleSet screens a line only with the anchored rules that can start with its first character: on
    every line of the page texts, the gold bodies and odd starts, it finds what trying each rule finds."""
    import json
    from pathlib import Path

    from cleaners.rules import GENERIC_RULESET, RuleSet
    from cleaners.rules.blocks import block_ruleset
    from cleaners.sites.registry import PROFILES

    root = Path(__file__).resolve().parent.parent
    shared = root.parent / "shared"
    lines = ["", " ", "\u00a0Baca juga: x", "ſimak juga: x", "K", "Ⓑaca juga", "(ANT)", "[Baca Juga]", "1/3", "»"]
    for path in [*root.glob("fixtures/**/*.txt"), *(shared / "dev" / "text").glob("*.txt")]:
        lines += path.read_text(encoding="utf-8").splitlines()
    truth = shared / "bench" / "zyte" / "ground-truth.json"
    if truth.exists():
        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            lines += (item.get("articleBody") or "").splitlines()
    lines = [*dict.fromkeys(line.strip() for line in lines), *lines[:10], *GUARDED_LINES]
    rulesets = [GENERIC_RULESET, block_ruleset(), *(block_ruleset(p) for p in PROFILES),
                *(RuleSet(p.rules + GENERIC_RULES) for p in PROFILES)]
    matched: set[str] = set()
    guarded = {r for rules in rulesets for r in rules.rules if r.requires is not None}
    for rules in rulesets:
        for line in lines:
            # the reference: each rule's pattern alone, in order (no screen, no cheap test)
            expected = next((r for r in rules.rules if r.pattern.search(line)), None)
            assert rules.first_match(line) == expected, (line, expected)
            if expected:
                matched.add(expected.name)
    for r in guarded:  # a cheap test is a necessary condition: every line the pattern matches passes it
        hits = [line for line in lines if r.pattern.search(line)]
        assert hits and all(r.requires(line) for line in hits), (r.name, r.pattern.pattern)
    assert len(lines) > 3000 and len(matched) >= 15 and len(guarded) >= 5


#: Lines the rules with a cheap test match, at the edges of those tests (a final newline, the length
#: bound, separators, words starting with a digit), and near misses.
GUARDED_LINES = [
    "Berita Terbaru Index »", "Lihat Semua ›\n", "Indeks >>", "Indeks", "indeks » ",
    "Judul Berita Pertama |", "Judul | ", "| Pos | Nama |",
    "Hak Cipta Dilindungi Undang-Undang", "© 2024 Situs. All Rights Reserved" + "x" * 120,
    "Copyright Situs all rights reserved" + " " * 125, "all rights reserved" + "x" * 141 + "\n",
    "Home · Nasional · Ekonomi · Olahraga", "A | B | C | D", "Satu • Dua • Tiga • Empat\n",
    "Nasional Ekonomi Olahraga 2024", "Nasional Ekonomi Olahraga Hiburan\n", "Nasional ekonomi Olahraga Hiburan",
    "NASIONAL Nasional Ekonomi Bola 24Jam", " Nasional Ekonomi Bola",
    "Staff writers Jane Doe and Ali Rahman contributed to this report.", "Writer X CONTRIBUTED THIS STORY",
    "Our writer contributed nothing to this report",
    # IGNORECASE takes `İ`, `ı` for `i` (and the Kelvin sign for `k`): a line that is not ASCII goes to the regex
    "ALL RIGHTS RESERVED", "Hak C\u0130pta Dilindungi", "hak c\u0131pta dilindungi undang-undang",
    "Staff writer Ali contr\u0131buted to this report.", "Staff writer Ali CONTRIBUTED TO THIS REPORT",
    "\u00a9 Situs \u2014 All rights reserved", "Lihat semua \u00bb", "\n", "|",
]


def test_ascii_letter_lookalikes_are_every_one():
    """The characters other than ASCII letters that IGNORECASE matches with one, on every code point."""
    import sys

    from cleaners.rules.base import ASCII_LETTER_LOOKALIKES

    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(sys.maxunicode + 1) if letter.fullmatch(chr(c))} - set(string.ascii_letters)
    assert found == set(ASCII_LETTER_LOOKALIKES)


def test_holds_ascii_words_answers_as_the_search():
    import random

    from cleaners.rules.base import ASCII_LETTER_LOOKALIKES, holds_ascii_words

    words = ("sini", "selengkapnya", "cipta")
    lines = ["Klik di sini", "KLIK DI SINI", "klik di s\u0130ni", "klik di s\u0131ni", "\u017fini", "Sini”",
             "“Baca SELENGKAPNYA”", "selengkapnya\u212a", "seleng\u212aapnya", "di s ini", "dis\u0131n\u0131", "Hak Cipta", "hak c\u0130pta", "", "—"]
    rng = random.Random(3)
    alphabet = "sinSINelgkapyc CIPTA\u00a0—“”" + ASCII_LETTER_LOOKALIKES + "\u0307é"
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    pattern = re.compile("|".join(words), re.I)
    for line in lines:
        assert holds_ascii_words(line, words) == bool(pattern.search(line)), line


def test_glued_promo_words_are_in_every_glued_promo():
    """strip_glued_promo searches only lines holding GLUED_PROMO_WORDS: every line a GLUED_PROMOS pattern
    matches holds one (on the page texts and made-up lines), and split_glued's zones all hold "WI"."""
    from pathlib import Path

    from cleaners.recognise.normalize import _GLUED_AFTER_ZONE
    from cleaners.rules import GLUED_PROMO_WORDS, GLUED_PROMOS
    from cleaners.rules.base import holds_ascii_words

    root = Path(__file__).resolve().parent.parent
    lines = ["Ia pergi. Klik di sini untuk membaca", "Ia pergi. BACA SELENGKAPNYA DI SINI",
             "Ia pergi.  simak disini", "Ia pergi. Selengkapnya klik di sini.", "Ia pergi. Klik di s\u0131ni",
             "Ia pergi. Klik di sini untuk m", "Klik di sini", "Pukul 10.00 WIBOleh Ani", "10:15 WITAKata"]
    for path in [*root.glob("fixtures/**/*.txt"), *(root.parent / "shared" / "dev" / "text").glob("*.txt")]:
        lines += path.read_text(encoding="utf-8").splitlines()
    promos = [line for line in lines if any(p.search(line) for p in GLUED_PROMOS)]
    assert len(promos) >= 5 and all(holds_ascii_words(line, GLUED_PROMO_WORDS) for line in promos)
    assert [m.group(1) for line in lines if (m := _GLUED_AFTER_ZONE.search(line))] and all(
        "WI" in line for line in lines if _GLUED_AFTER_ZONE.search(line))
