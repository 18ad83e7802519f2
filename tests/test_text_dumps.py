"""Text dumps of any site (another tool's plain text of a page) through `clean_text` (issue 15 item 5).

A dump often has no title at all and starts with the dateline lead; cleaning must remove junk and never
article paragraphs. The texts are invented for the test, in the shapes such dumps take.
"""

from cleaners import clean_text, line_roles

LEAD = ("SURABAYA, KABARKOTA.com - Hujan deras sejak sore merendam ratusan rumah di tiga kecamatan, "
        "sebagian warga mengungsi ke masjid terdekat.")
PARAS = [
    "Kepala pelaksana badan penanggulangan bencana mengatakan air mulai naik sekitar pukul 19.00 WIB.",
    "\"Kami sudah menyiapkan dapur umum dan perahu karet di setiap kelurahan,\" katanya, Selasa (5/11/2024).",
    "Warga berharap saluran air di kawasan itu segera diperbaiki sebelum puncak musim hujan tiba.",
]
URL = "https://kabarkota.example/berita/2024/11/05/banjir-rendam-ratusan-rumah-di-surabaya"


def test_dateline_lead_is_body_not_title():
    text = "\n".join([LEAD, *PARAS])
    for url in (URL, None):
        a = clean_text(text, url)
        assert a.title is None
        assert a.paragraphs == [LEAD, *PARAS]


def test_paragraph_sharing_the_slug_words_is_not_the_title():
    # The 3rd paragraph says what the slug says; nothing above it may be lost as chrome.
    third = ("Banjir yang merendam ratusan rumah di Surabaya itu adalah yang terparah sejak lima tahun "
             "terakhir, menurut warga setempat.")
    text = "\n".join([PARAS[0], PARAS[1], third, PARAS[2]])
    a = clean_text(text, URL)
    assert a.title is None
    assert a.paragraphs == [PARAS[0], PARAS[1], third, PARAS[2]]


def test_short_line_matching_the_slug_is_the_title():
    text = "\n".join(["Banjir Rendam Ratusan Rumah di Surabaya", LEAD, *PARAS])
    a = clean_text(text, URL)
    assert a.title == "Banjir Rendam Ratusan Rumah di Surabaya"
    assert a.paragraphs == [LEAD, *PARAS]


def test_headline_without_anything_under_it_stays_body():
    # No URL, no byline or date, no dateline: in doubt, the line stays body.
    text = "\n".join(["Warga Mulai Kembali ke Rumah", *PARAS])
    a = clean_text(text)
    assert a.title is None
    assert a.paragraphs == ["Warga Mulai Kembali ke Rumah", *PARAS]


def test_headline_above_a_date_or_a_dateline_is_the_title():
    a = clean_text("\n".join(["Banjir Rendam Ratusan Rumah di Surabaya", "Selasa, 5 November 2024 21:04 WIB",
                              *PARAS]))
    assert a.title == "Banjir Rendam Ratusan Rumah di Surabaya"
    assert a.published == "2024-11-05T21:04:00+07:00"
    assert a.paragraphs == PARAS
    a = clean_text("\n".join(["Banjir Rendam Ratusan Rumah di Surabaya", LEAD, *PARAS]))
    assert a.title == "Banjir Rendam Ratusan Rumah di Surabaya"
    assert a.paragraphs == [LEAD, *PARAS]


def test_sentence_between_headline_and_dateline_lead_is_the_summary():
    standfirst = "Ratusan rumah di tiga kecamatan terendam setelah hujan deras mengguyur kota sejak sore."
    a = clean_text("\n".join(["Banjir Rendam Ratusan Rumah di Surabaya", standfirst, LEAD, *PARAS]))
    assert a.title == "Banjir Rendam Ratusan Rumah di Surabaya"
    assert a.summary == standfirst
    assert a.paragraphs == [LEAD, *PARAS]


def test_a_lead_in_ending_with_a_colon_is_not_a_title():
    text = "\n".join([PARAS[0], PARAS[1], "Berikut daftar lengkap kelurahan yang terdampak:",
                      "1. Kelurahan Sukamaju", "Air setinggi lutut merendam jalan utama kelurahan itu."])
    a = clean_text(text, "https://kabarkota.example/berita/daftar-kelurahan-terdampak-banjir-surabaya")
    assert a.title is None
    assert a.paragraphs[:3] == [PARAS[0], PARAS[1], "Berikut daftar lengkap kelurahan yang terdampak:"]


def test_caption_before_a_titleless_body():
    caption = "Warga melintasi genangan di jalan utama kota, Selasa (5/11/2024). (Foto: Dok. BPBD)"
    a = clean_text("\n".join([caption, LEAD, *PARAS]))
    assert a.title is None
    assert a.image_caption == caption
    assert a.paragraphs == [LEAD, *PARAS]


def test_lead_ending_with_a_date_in_parentheses_is_kept():
    lead = "Wali kota meninjau lokasi banjir bersama petugas gabungan di tiga kecamatan, Selasa (5/11/2024)."
    a = clean_text("\n".join(["Banjir Rendam Ratusan Rumah di Surabaya", "Penulis: Rina Ayu", lead, *PARAS]))
    assert a.image_caption is None
    assert a.paragraphs == [lead, *PARAS]


def test_date_printed_above_the_title():
    text = "\n".join(["Selasa, 05/11/2024 21:04 WIB", "FotoKota", "Banjir Rendam Ratusan Rumah di Surabaya",
                      *PARAS])
    a = clean_text(text, URL)
    assert a.title == "Banjir Rendam Ratusan Rumah di Surabaya"
    assert a.published == "2024-11-05T21:04:00+07:00"
    assert a.paragraphs == PARAS


def test_dated_widget_lists_end_the_body():
    text = "\n".join([LEAD, *PARAS, "-", "Senin, 04/11/2024 10:08 WIB", "Jalan Tol Ditutup Sementara Akibat Longsor",
                      "-", "Senin, 04/11/2024 09:59 WIB", "Harga Cabai Naik Jelang Akhir Pekan",
                      "Pasar Murah Digelar di Balai Kota?", "Teaser artikel lain yang tidak termasuk berita ini."])
    a = clean_text(text)
    assert a.paragraphs == [LEAD, *PARAS]


def test_timeline_of_dated_sentences_stays_body():
    text = "\n".join([LEAD, "Senin, 4 November 2024", "Hujan mulai turun sore hari dan air naik pelan-pelan.",
                      "Selasa, 5 November 2024", "Warga mengungsi ke masjid setelah air masuk ke rumah."])
    a = clean_text(text)
    assert a.paragraphs == [LEAD, "Hujan mulai turun sore hari dan air naik pelan-pelan.",
                            "Warga mengungsi ke masjid setelah air masuk ke rumah."]


def test_one_line_page_is_not_lost():
    # A dump that glued a whole gallery page into one line keeps it (no title, no chrome taken from it).
    line = " ".join(["Warga melintasi genangan di jalan utama kota. (Foto: Dok. BPBD)"] * 8)
    a = clean_text(line, URL)
    assert a.title is None
    assert a.paragraphs == [line]


def test_data_tables_and_lists_stay():
    rows = ["| Pos | Nama | Poin |", "| 1 | Budi | 30 |", "| 2 | Ani | 28 |"]
    text = "\n".join([LEAD, "Klasemen sementara lomba perahu:", *rows, "- perahu karet", "- pelampung", "- tali",
                      PARAS[0]])
    a = clean_text(text)
    assert a.paragraphs == [LEAD, "Klasemen sementara lomba perahu:", *rows, "- perahu karet", "- pelampung",
                            "- tali", PARAS[0]]


def test_table_row_byline_after_the_body():
    a = clean_text("\n".join([LEAD, *PARAS, "| Penulis | : Rina Ayu |", "| Editor | : Dewi Lestari |"]))
    assert (a.authors, a.editors) == (["Rina Ayu"], ["Dewi Lestari"])
    assert a.paragraphs == [LEAD, *PARAS]


def test_line_roles_of_a_dump():
    roles = dict((t, r) for r, t in line_roles("\n".join([LEAD, *PARAS, "Baca Juga", "0 Komentar"])))
    assert roles[LEAD] == "body"
    assert roles["Baca Juga"] == "boilerplate"
    assert "title" not in roles.values()


def test_article_printed_twice_loses_its_copy():
    # A template (or the text extraction) that prints the whole text block again: the copy goes.
    text = "\n".join([LEAD, *PARAS, LEAD, *PARAS])
    assert clean_text(text).paragraphs == [LEAD, *PARAS]
    # Most of the text printed again, after a line of its own.
    text = "\n".join([LEAD, *PARAS, "Simpan artikel ini", PARAS[0], PARAS[1], PARAS[2]])
    assert clean_text(text).paragraphs == [LEAD, *PARAS, "Simpan artikel ini"]


def test_line_recurring_in_the_article_stays():
    # An interview asks each guest the same question; a plan repeats a day's meal in each week.
    question = "Apa yang membuat Anda memilih berjualan kue di pasar pagi? Apakah ada alasan khusus dari keluarga?"
    answers = ["Saya mulai berjualan sejak lulus sekolah karena ibu saya juga pedagang kue.",
               "Awalnya hanya mencoba, lalu pelanggan datang setiap hari dan saya keterusan.",
               "Suami saya yang mengajak, kami berdua bangun pukul tiga pagi untuk membuat adonan."]
    text = "\n".join([LEAD, "Bu Sari", question, answers[0], "Bu Tini", question, answers[1], "Bu Ani", question,
                      answers[2]])
    assert clean_text(text).paragraphs.count(question) == 3
    meal = "Sarapan: dua potong roti gandum, satu butir telur rebus, dan segelas susu rendah lemak."
    snack = "Camilan: satu buah pisang atau apel, dimakan dua jam sebelum makan siang."
    text = "\n".join([LEAD, "Minggu pertama", meal, snack, "Makan siang: nasi merah dan sayur bening.",
                      "Minggu kedua", meal, snack, "Makan siang: nasi merah dan pepes ikan.",
                      "Minggu ketiga", meal, snack, "Makan siang: kentang rebus dan sup ayam."])
    paragraphs = clean_text(text).paragraphs
    assert paragraphs.count(meal) == 3 and paragraphs.count(snack) == 3


def test_the_articles_own_lists_stay_in_a_dump():
    schedule = ["Seri 1: 9 Maret – Sirkuit Sentul", "Seri 2: 20 April – Mandalika", "Seri 3: 11 Mei – Sirkuit Sentul"]
    text = "\n".join([LEAD, "Jadwal lengkap kejuaraan musim ini:", *schedule, PARAS[0], "Daftar harga tiket",
                      "VIP : 150.000", "Reguler : 75.000"])
    a = clean_text(text, URL)
    assert a.paragraphs == [LEAD, "Jadwal lengkap kejuaraan musim ini:", *schedule, PARAS[0], "Daftar harga tiket",
                            "VIP : 150.000", "Reguler : 75.000"]
    # Related headlines after the article still go.
    related = ["Jembatan Gantung Putus Diterjang Banjir Bandang", "Harga Cabai Naik Jelang Akhir Pekan",
               "Bupati Resmikan Pasar Baru di Desa Sukamaju"]
    assert clean_text("\n".join([LEAD, *PARAS, *related]), URL).paragraphs == [LEAD, *PARAS]


def test_hard_wrapped_text_gives_no_title_from_a_line_of_a_paragraph():
    # A dump that kept the page's hard line breaks: a line of the paragraph that happens to share the slug's
    # words is not the title, and the lines above it are not chrome.
    wrapped = ["Foto", "yang beredar di media sosial sejak pagi memperlihatkan ratusan rumah",
               "terendam hingga atap di tiga kecamatan.",
               "Banjir yang merendam ratusan rumah di Surabaya sejak sore, menurut",
               "Badan Penanggulangan Bencana Daerah, adalah yang terparah",
               "dalam lima tahun terakhir."]
    a = clean_text("\n".join(wrapped), URL)
    assert a.title is None
    assert a.paragraphs == wrapped


def test_a_headline_above_a_wrapped_paragraph_is_still_the_title():
    wrapped = ["Banjir Rendam Ratusan Rumah di Surabaya", "Hujan deras sejak sore merendam ratusan rumah di tiga",
               "kecamatan, dan sebagian warga mengungsi ke masjid terdekat.", *PARAS]
    a = clean_text("\n".join(wrapped), URL)
    assert a.title == "Banjir Rendam Ratusan Rumah di Surabaya"
    assert a.paragraphs == wrapped[1:]


def test_embedded_post_stays_with_its_attribution_and_gives_no_date():
    post = "Lalu lintas di Jalan Ahmad Yani dialihkan sementara karena genangan. Hindari ruas ini."
    attribution = "— Dinas Perhubungan Kota (@dishubkota) November 5, 2024"
    a = clean_text("\n".join([LEAD, PARAS[0], post, attribution, PARAS[1]]))
    assert a.paragraphs == [LEAD, PARAS[0], post, attribution, PARAS[1]]
    assert a.published is None


def test_a_call_to_action_naming_the_slug_is_not_the_title():
    url = "https://kabarkota.example/olahraga/hasil-lengkap-lomba-renang-pelajar-2024"
    for label in ("KLIK UNTUK HASIL LENGKAP LOMBA RENANG PELAJAR", "Click for full results of lomba renang pelajar"):
        a = clean_text("\n".join([label, LEAD, *PARAS]), url)
        assert a.title is None
        assert a.paragraphs == [label, LEAD, *PARAS]
    # A headline that names the slug, above the dateline lead, still is.
    a = clean_text("\n".join(["Hasil Lengkap Lomba Renang Pelajar 2024", LEAD, *PARAS]), url)
    assert a.title == "Hasil Lengkap Lomba Renang Pelajar 2024"


def test_feature_lists_two_products_share_stay():
    features = ["- Tahan air hingga kedalaman satu meter", "- Baterai awet sampai dua hari",
                "- Layar tetap terang di bawah matahari", "- Bisa diisi ulang tanpa kabel"]
    text = "\n".join(["Jam Tangan Pintar Seri A", *features, "Jam Tangan Pintar Seri B", *features,
                      "- Dilengkapi sensor detak jantung", PARAS[0]])
    paragraphs = clean_text(text).paragraphs
    assert all(paragraphs.count(f) == 2 for f in features)
