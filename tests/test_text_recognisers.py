"""Recognisers and genre rules added for real page texts (issue 15 items 5, 6 and 8), on invented lines:
each with lines it must read and lines it must leave alone."""

import pytest

from cleaners import recognise as R
from cleaners.rules import GENERIC_RULES, Action, first_match
from cleaners.rules.metrics import is_data_line, is_list_item, is_table_row, link_list_indexes


def action(line):
    found = first_match(line, GENERIC_RULES)
    return found.action if found else None


# --- item 8: dates in parentheses and agencies ------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Gubernur meresmikan jembatan baru di Kecamatan Sukamaju, Selasa (5/11/2024).",
    "Rapat digelar tertutup di gedung dewan (13/10).",
    "Warga memadati alun-alun kota (Senin, 2/9/2024)",
    "Presiden bertemu perdana menteri di istana (Kremlin)",
])
def test_not_a_photo_credit(line):
    assert not R.has_photo_credit(line)


@pytest.mark.parametrize("line", [
    "Presiden Rusia menyambut tamunya di Moskow. (Sumber: Kremlin Pool Photo via AP)",
    "Petugas memadamkan api di pasar induk. (ANTARA/Nama Fotografer)",
    "Suasana jalan tol saat mudik. (Foto: Dok. Jasa Marga)",
    "Pengungsi menunggu bantuan di perbatasan. (AFP)",
])
def test_photo_credit(line):
    assert R.has_photo_credit(line)


@pytest.mark.parametrize(("line", "credit"), [
    ("Foto kolase beritakota.com", True),
    ("AP/Nama Fotografer", True),
    ("SURYAKOTA.COM/Budi", True),
    ("Dok. Humas Pemkab", True),
    ("istimewa", True),
    ("Warga Mengungsi ke Masjid", False),
    ("Harga Cabai Naik Lagi", False),
    ("Foto itu diambil pada pagi hari.", False),
])
def test_bare_photo_credit_lines(line, credit):
    assert R.is_photo_credit_line(line) is credit


# --- datelines --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "prefix"), [
    ("SURABAYA, KABARKOTA.com - Hujan deras sejak sore merendam ratusan rumah di tiga kecamatan kota.", "SURABAYA, KABARKOTA.com"),
    ("Bandung, Jabar (ANTARA News) - Sebanyak dua ratus warga mengikuti vaksinasi massal di gedung olahraga.",
     "Bandung, Jabar (ANTARA News)"),
    ("Berita6.com, Jakarta - Pemerintah menyiapkan dua puluh ribu kuota mudik gratis tahun ini bagi warga.",
     "Berita6.com, Jakarta"),
    ("KOTATIMES-Wali kota meresmikan pasar rakyat yang baru selesai dibangun di pusat kota pekan ini.", "KOTATIMES"),
    ("Medan: Harga cabai merah di pasar tradisional naik dua kali lipat sejak awal pekan lalu.", "Medan"),
])
def test_dateline_leads(line, prefix):
    assert R.dateline_prefix(line) == prefix


@pytest.mark.parametrize("line", [
    "BERITA POPULER - Lima Kisah Warga yang Viral Sepekan Terakhir di Kota Kami",   # a headline, no sentence
    "Menteri: Harga Beras Akan Turun Bulan Depan",                                   # a headline
    "Warga - terutama lansia - diminta tetap di rumah.",                             # too short for a lead
    "Hujan deras merendam ratusan rumah di tiga kecamatan sejak sore hari kemarin.",  # no dateline
])
def test_not_dateline_leads(line):
    assert not R.is_dateline_lead(line)


# --- opinion bylines, reporter lines, the same person written shorter -------------------------------------

@pytest.mark.parametrize(("line", "names"), [
    ("Oleh Rina Kartika, Dosen Ilmu Komunikasi Universitas Contoh", ["Rina Kartika"]),
    ("Oleh: Prof. Dr. Budi Santoso, M.Si.", ["Budi Santoso"]),
    ("OLEH Ahmad Fauzi - Pengamat Politik", ["Ahmad Fauzi"]),
    ("Oleh Sinta Dewi", ["Sinta Dewi"]),
    ("Oleh karena itu, warga diminta tetap waspada.", []),
    ("Oleh karen", []),
    ("Oleh sebab itu pemerintah menunda kebijakan tersebut.", []),
    ("Oleh Ketua RT, warga diminta membersihkan saluran air sebelum musim hujan tiba.", []),
])
def test_opinion_bylines(line, names):
    assert R.parse_opinion_byline(line) == names


@pytest.mark.parametrize(("line", "names"), [
    ("Laporan Wartawan BeritaKota.com, Budi Santoso", ["Budi Santoso"]),
    ("Laporan Wartawan Kabar Solo, Rina Ayu", ["Rina Ayu"]),
    ("Laporan Reporter Situsku.co.id Dewi Lestari", ["Dewi Lestari"]),
])
def test_reporter_lines(line, names):
    assert R.parse_reporter_line(line) == names


@pytest.mark.parametrize("line", [
    "Laporan wartawan itu menyebutkan korban tewas dua orang dan puluhan luka.",
    "Laporan keuangan perusahaan menunjukkan laba naik.",
])
def test_not_reporter_lines(line):
    assert R.parse_reporter_line(line) is None


@pytest.mark.parametrize(("short", "full", "same"), [
    ("Sari Indah NP", "Sari Indah Nur Permata", True),
    ("Rina A", "Rina Ayu", True),
    ("R Ayu", "Rina Ayu", True),
    ("Rina Ayu", "Rina Ayu", True),
    ("Rina Ayu", "Dewi Lestari", False),
    ("Budi Santoso", "Budi Hartono", False),
])
def test_same_person(short, full, same):
    assert R.same_person(short, full) is same


def test_byline_table_rows():
    assert R.byline_from_table_row("| Penulis | : Nama Penulis |") == "Penulis : Nama Penulis"
    assert R.byline_from_table_row("| Editor | Nama Editor |") == "Editor : Nama Editor"
    assert R.byline_from_table_row("| 3 | Nama Pemain | 5033 |") is None
    assert R.byline_from_table_row("| Penulis | |") is None


# --- blocks glued together, promo suffixes ---------------------------------------------------------------

def test_split_glued_date_and_byline():
    assert R.split_glued("Kolom | 3 Mei 2023, 08:15 WITAOleh Sinta Dewi, Peneliti") == [
        "Kolom | 3 Mei 2023, 08:15 WITA", "Oleh Sinta Dewi, Peneliti"]
    assert R.split_glued("Kabar kota | 3 Mei 2023, 08:15 WIB") == ["Kabar kota | 3 Mei 2023, 08:15 WIB"]
    assert R.split_glued("Pukul 10:00 WIB, warga mulai berdatangan.") == ["Pukul 10:00 WIB, warga mulai berdatangan."]


@pytest.mark.parametrize(("line", "kept"), [
    ("Truk itu terguling di tikungan tajam. Klik di sini untuk m", "Truk itu terguling di tikungan tajam."),
    ('"Kami siap," katanya. Baca selengkapnya di sini', '"Kami siap," katanya.'),
    ("Harga naik lagi. Selengkapnya baca di sini.", "Harga naik lagi."),
    ("Warga dapat klik di sini untuk mendaftar secara daring.", "Warga dapat klik di sini untuk mendaftar secara daring."),
    ("Klik di sini untuk membaca", "Klik di sini untuk membaca"),  # a label alone is a rule's job
])
def test_glued_promo_suffix(line, kept):
    assert R.strip_glued_promo(line) == kept


# --- genre rules ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Baca Juga",
    "BACA JUGA",
    "Fotografer: Nama Fotografer",
    "Foto: Dok. Humas Pemkot",
    "Redaksi: redaksi[at]situsberita.com",
    "hubungi : iklan@situsberita.com",
    "Informasi pemasangan iklan",
    "03Senin, 14/10/2024 10:15 WIB Harga Emas Turun Lagi Hari Ini",
    "Rabu, 04/11/2015 23:45 WIB Tiga Menteri Sambut Ponsel Murah",
    "Beranda · Redaksi · Pedoman Media Siber · Karir · Kontak",
    "Tentang Kami | Redaksi | Iklan | Karir",
    "close",
])
def test_new_inline_boilerplate(line):
    assert action(line) is Action.DROP


@pytest.mark.parametrize("line", [
    "Simak Berita Populer Lainnya",
    "Baca Artikel Terbaru Lainnya",
    "Berita Terbaru Index »",
    "0 Komentar",
    "12 Comments",
])
def test_new_tail_blocks(line):
    assert action(line) is Action.END


@pytest.mark.parametrize("line", [
    "Baca juga komentar warga yang menolak rencana itu di media sosial.",
    "Foto: warga mengungsi ke masjid terdekat.",
    "Senin, 14/10/2024 pukul 10.15 WIB, polisi menggerebek gudang itu dan menyita barang bukti.",
    "Senin, 04/11/2024 10:08 WIB",          # a date line alone is a date, read by the date recogniser
    "Sabtu, 31/10/2015 13:28 WIB WIB",
    "| 3 | Nama Pemain | 5033 | 4 |",
    "| Pos | Nama | Poin |",
    "Penulis: Nama | Editor: Nama Lain",
    "Simak juga penjelasan lengkapnya dalam video berikut ini.",
    "Fotografer itu mengatakan hal yang sama kepada wartawan.",
])
def test_new_rules_leave_article_lines(line):
    assert action(line) is None


def test_tables_and_lists_are_not_link_lists():
    rows = ["| Pos | Nama | Poin |", "| 1 | Budi | 30 |", "| 2 | Ani | 28 |", "| 3 | Citra | 25 |"]
    assert all(is_table_row(r) for r in rows)
    assert link_list_indexes(["Klasemen akhir musim ini:", *rows, "Musim depan dimulai Maret."]) == set()
    items = ["- beras dua kilogram", "- minyak goreng", "- gula pasir", "- telur ayam"]
    assert all(is_list_item(i) for i in items)
    assert link_list_indexes(["Isi paket bantuan:", *items]) == set()
    # Unmarked short lines are still a link list.
    assert link_list_indexes(["Paragraf.", "resep kue lebaran", "tips diet sehat", "harga emas hari ini"]) == {1, 2, 3}


def test_schedules_results_and_price_lists_are_not_link_lists():
    # The article's own data: a number in fields, on at least half of the lines.
    schedule = ["Seri 1: 9 Maret – Sirkuit Sentul", "Seri 2: 20 April – Mandalika", "Seri 3: 11 Mei – Sirkuit Sentul",
                "Seri 4: 8 Juni – Mandalika"]
    tour = ["12 Juni -- Gedung Kesenian, Bandung", "14 Juni -- Taman Budaya, Yogyakarta",
            "17 Juni -- Balai Pemuda, Surabaya"]
    results = ["BOLA VOLI PUTRI", "SMA 1 d. SMA 3 25-19", "SMA 5 d. SMA 2 25-22", "SMA 4 d. SMA 6 21-25"]
    prices = ["Tiket masuk", "VIP : 150.000", "Reguler : 75.000", "Pelajar : 40.000"]
    for lines in (schedule, tour, results, prices):
        assert all(len(x) <= 60 for x in lines)
        assert link_list_indexes(["Berikut jadwalnya.", *lines, "Paragraf penutup yang berakhir titik."]) == set()
        assert link_list_indexes(["Berikut jadwalnya.", *lines]) == set()  # at the very end too
    # A headline that holds one number is no data line; related headlines and keyword lists still go.
    assert not is_data_line("7 Cara Menyimpan Cabai Agar Awet") and not is_data_line("harga gabah shio 2025")
    # The digits of a link are no data: a podcast's or an app's links are still a list of links.
    links = ["Dengarkan di Spotify", "Spotify: https://pod.example/ep_615", "Unduh: https://pod.example/ep_615.mp3",
             "Apple: https://pod.example/apple/615"]
    assert not any(is_data_line(x) for x in links)
    assert link_list_indexes(["Paragraf.", *links]) == {1, 2, 3, 4}
    related = ["Jembatan Gantung Putus Diterjang Banjir Bandang", "Harga Cabai Naik Jelang Akhir Pekan",
               "Bupati Resmikan Pasar Baru di Desa Sukamaju"]
    assert link_list_indexes(["Paragraf.", *related, "Paragraf lain."]) == {1, 2, 3}
    assert link_list_indexes(["Paragraf.", "harga gabah shio 2025", "resep kue lebaran", "tips diet sehat"]) == {1, 2, 3}


def test_headings_with_lines_under_them_are_not_link_lists():
    # A plan: headline-cased headings, each with a lower-case line under it.
    plan = ["Sarapan Pagi Sehat", "Makan sebelum berangkat kerja", "Camilan Siang Hari",
            "Pilih buah yang tidak terlalu manis"]
    assert link_list_indexes(["Paragraf.", *plan, "Paragraf lain."]) == set()
    # A headline naming a lower-case name is not a sentence under a heading.
    artworks = ["Cahaya Harapan oleh Studio Lentera", "Taman Cahaya oleh kolektif ruang kita",
                "Gerbang Kota oleh Arsitek Muda"]
    assert link_list_indexes(["Paragraf.", *artworks, "Paragraf lain."]) == {1, 2, 3}
    # Sentence-case headlines of one site are still a uniform list.
    related = ["Warga desa menolak rencana relokasi", "Pemerintah kota siapkan lahan baru", "Harga beras turun di pasar"]
    assert link_list_indexes(["Paragraf.", *related, "Paragraf lain."]) == {1, 2, 3}


def test_wrapped_sentences_and_sentences_ending_with_an_emoji_are_not_link_labels():
    wrapped = ["Selain itu, warga juga", "membersihkan saluran air,", "menanam pohon di bantaran sungai,",
               "dan memperbaiki tanggul yang jebol."]
    assert link_list_indexes(["Paragraf.", *wrapped]) == set()
    assert link_list_indexes(["Paragraf.", "Sampai jumpa di acara berikutnya! 🙂", "Terima kasih sudah datang 🙏",
                              "Paragraf lain."]) == set()
    assert link_list_indexes(["Paragraf.", "Sampai jumpa di acara berikutnya! 🙂", "Salam hangat dari kami"]) == set()
    assert link_list_indexes(["Paragraf.", "Salam hangat dari kami", "Sampai jumpa lagi 🙂"]) == {1, 2}


@pytest.mark.parametrize("line", [
    "— Dinas Perhubungan Kota (@dishubkota) October 9, 2024",
    "— Bupati Sukamaju (@bupatisukamaju) 9 Oktober 2024",
    "A post shared by Warung Kopi Senja (@kopisenja) on Oct 9, 2024 at 7:15am PDT",
    "Sebuah kiriman dibagikan oleh Warung Kopi Senja (@kopisenja) pada 9 Okt 2024 pukul 7.15 PDT",
])
def test_embedded_post_attribution_is_not_a_date_line(line):
    assert R.parse_date_line(line) is None


@pytest.mark.parametrize("line", [
    "Kabar dunia | 11 Oktober 2024, 15:32 WIB",
    "Rina Ayu - 9 Oktober 2024",
    "— 9 Oktober 2024",
])
def test_date_lines_are_not_post_attributions(line):
    assert R.parse_date_line(line) is not None


def test_repeats_any_is_any_same_text():
    """The body reader's header comparison (same_text's length test inline) answers as same_text does."""
    from cleaners.reading.engine import _repeats_any
    from cleaners.recognise import same_text

    texts = ["Judul Berita", "judul berita.", "JUDUL  BERITA!", "Judul", "Judul Berita Hari Ini", "", "a",
             "Foto: Antara", "foto antara", "x" * 40, "x" * 19, "Judul Berita" + " ." * 7, "—", "ab", "abc"]
    headers = [None, "", "Judul Berita", "Foto: Antara", "x" * 20, "a", "abc"]
    for text in texts:
        for k in range(len(headers) + 1):
            assert _repeats_any(text, headers[:k]) == any(same_text(text, h) for h in headers[:k]), (text, k)


def test_fold_head_starts_the_fold():
    """fold_head(text) starts fold(text): with the head cut after any code point (standing between a word
    and itself again), and on random texts of letters that fold to several, spaces and punctuation."""
    import random
    import sys

    from cleaners.recognise.normalize import HEAD_CHARS, fold, fold_head

    whole = fold.__wrapped__  # (not through the per-page cache)

    def check(text: str) -> None:
        assert whole(text).startswith(whole(text[:HEAD_CHARS])), text

    filler = "a" * (HEAD_CHARS - 1)
    for code in range(sys.maxunicode + 1):  # the head ends between the two
        char = chr(code)
        check(filler + char + char + "b")
    rng = random.Random(7)
    alphabet = "aAbBß  .,_-–ΣςσİıİI\u0130\u00a0\u200b1é\u0301ﬁǅ"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 70)))
        check(text)
        assert fold_head(text) == whole(text[:HEAD_CHARS])


def test_repeats_any_on_texts_alike_at_the_start():
    from cleaners.reading.engine import _repeats_any
    from cleaners.recognise import same_text

    summary = "Pemerintah mengumumkan kebijakan baru soal harga beras pada Senin (1/12/2026) di Jakarta."
    texts = [summary, summary.upper(), summary.replace(" ", "  "), summary + " ...", "— " + summary,
             summary[:40] + " lain sama sekali " + summary[60:], "PEMERINTAH, mengumumkan " + summary[24:],
             summary.replace("Pemerintah", "Presiden"), summary[:HEAD] if (HEAD := 32) else ""]
    for text in texts:
        assert _repeats_any(text, [None, "Judul", summary]) == any(
            same_text(text, h) for h in (None, "Judul", summary)), text


def test_line_facts_are_computed_once():
    from cleaners.reading import lines as L

    calls = []
    original = L.R.is_byline
    try:
        L.R.is_byline = lambda text: calls.append(text) or original(text)
        line = L.Line("Penulis: Nama Orang")
        assert line.byline is line.byline is True
        assert calls == ["Penulis: Nama Orang"]
    finally:
        L.R.is_byline = original
    assert L.Line("Pada hari Senin, hujan turun.").byline is False


def test_normalize_line_collapses_what_its_pattern_does():
    """normalize_line's split (taken when the line has no zero-width character) gives what its regular
    expression gives: on every code point alone and between words, and on random lines."""
    import random
    import sys

    from cleaners.recognise.normalize import _SPACE, normalize_line

    def by_pattern(line: str) -> str:
        return _SPACE.sub(" ", line).strip()

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for line in (char, f"a{char}b", f" {char}{char} x "):
            assert normalize_line(line) == by_pattern(line), hex(code)
    rng = random.Random(7)
    alphabet = ["a", "B", "1", ".", " ", "  ", "\t", "\n", "\xa0", "\u2009", "\u3000", "\x1c", "\x85", "\u200b",
                "\ufeff", "\u2060", "é", "\ud800"]
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert normalize_line(line) == by_pattern(line), repr(line)
    assert normalize_line("  Satu\xa0 dua\u200b\u200btiga \n") == "Satu dua tiga"
