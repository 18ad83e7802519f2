"""The four families' page texts in the shapes real pages show (issue 15 item 6): template and genre rules
on texts invented for the test (names, sentences and URLs are made up)."""

from cleaners import clean_text
from cleaners.reading.engine import TWELVE_HOUR_WARNING

TRIBUN_URL = "https://kota.tribunnews.com/2024/03/07/jembatan-gantung-desa-sukamaju-putus-diterjang-banjir?page=2"
TITLE = "Jembatan Gantung Desa Sukamaju Putus Diterjang Banjir"
STANDFIRST = "Jembatan gantung yang menghubungkan dua desa putus setelah sungai meluap sejak dini hari."


def test_tribun_page_2_standfirst_and_kicker():
    # Page 2 repeats the header (topic label, title, standfirst) with no byline or date under it.
    text = "\n".join(["Banjir Kota Contoh", TITLE, STANDFIRST,
                      "Warga kini harus memutar sejauh lima kilometer untuk sampai ke pasar.",
                      "Pemerintah kabupaten berjanji membangun jembatan darurat pekan depan."])
    a = clean_text(text, TRIBUN_URL)
    assert a.title == TITLE
    assert a.tags == ["Banjir Kota Contoh"]
    assert a.summary == STANDFIRST
    assert a.paragraphs == ["Warga kini harus memutar sejauh lima kilometer untuk sampai ke pasar.",
                            "Pemerintah kabupaten berjanji membangun jembatan darurat pekan depan."]


def test_tribun_page_1_lead_is_not_the_standfirst():
    lead = "TRIBUNKOTA.COM, SUKAMAJU - Jembatan gantung di Desa Sukamaju putus diterjang banjir pada Kamis pagi."
    a = clean_text("\n".join([TITLE, lead, "Tidak ada korban jiwa dalam peristiwa itu."]), TRIBUN_URL)
    assert a.summary is None
    assert a.paragraphs == [lead, "Tidak ada korban jiwa dalam peristiwa itu."]


def test_tribun_topic_label_that_looks_like_a_widget_heading():
    # "Berita Populer" is a related-list heading after a body; right above the title it is the topic label.
    url = "https://kota.tribunnews.com/2024/03/09/berita-populer-jembatan-putus-hingga-harga-cabai-naik"
    text = "\n".join(["Berita Populer", "BERITA POPULER - Jembatan Putus hingga Harga Cabai Naik",
                      "Berikut rangkuman berita yang paling banyak dibaca sepekan terakhir di kota kami.",
                      "Penulis: Rina Ayu | Editor: Dewi Lestari",
                      "1. Jembatan Gantung Putus", "Jembatan gantung di Desa Sukamaju putus diterjang banjir."])
    a = clean_text(text, url)
    assert a.tags == ["Berita Populer"]
    assert a.title == "BERITA POPULER - Jembatan Putus hingga Harga Cabai Naik"
    assert a.summary.startswith("Berikut rangkuman")
    assert a.paragraphs == ["1. Jembatan Gantung Putus", "Jembatan gantung di Desa Sukamaju putus diterjang banjir."]


def test_tribun_credit_then_caption_repeating_the_title():
    text = "\n".join([TITLE, STANDFIRST, "Penulis: Rina Ayu | Editor: Dewi Lestari", "Foto kolase tribunkota.com",
                      TITLE, "TRIBUNKOTA.COM - Jembatan gantung di Desa Sukamaju putus pada Kamis pagi ini.",
                      "Tidak ada korban jiwa dalam peristiwa itu."])
    a = clean_text(text, TRIBUN_URL)
    assert a.image_caption == TITLE
    assert a.paragraphs == ["TRIBUNKOTA.COM - Jembatan gantung di Desa Sukamaju putus pada Kamis pagi ini.",
                            "Tidak ada korban jiwa dalam peristiwa itu."]


def test_tribun_reporter_line_is_an_author():
    body = ["TRIBUNKOTA.COM, SUKAMAJU - Jembatan gantung di Desa Sukamaju putus pada Kamis pagi ini.",
            "Tidak ada korban jiwa dalam peristiwa itu."]
    a = clean_text("\n".join([TITLE, STANDFIRST, "Laporan Wartawan TribunKota.com, Sari Indah", *body]), TRIBUN_URL)
    assert a.authors == ["Sari Indah"]
    assert a.paragraphs == body
    # The same person as the Penulis, written shorter: not a second author.
    a = clean_text("\n".join([TITLE, STANDFIRST, "Penulis: Sari Indah Nur Permata | Editor: Dewi Lestari",
                              "Laporan Wartawan TribunKota.com, Sari Indah NP", *body]), TRIBUN_URL)
    assert (a.authors, a.editors) == (["Sari Indah Nur Permata"], ["Dewi Lestari"])
    assert a.paragraphs == body
    # Someone else: both are authors.
    a = clean_text("\n".join([TITLE, STANDFIRST, "Penulis: Sari Indah | Editor: Dewi Lestari",
                              "Laporan Wartawan TribunKota.com, Budi Santoso", *body]), TRIBUN_URL)
    assert a.authors == ["Sari Indah", "Budi Santoso"]


ROUNDUP_URL = "https://kota.tribunnews.com/2024/03/09/berita-populer-sepekan-jembatan-putus-hingga-harga-cabai"


def test_tribun_numbered_roundup_drops_a_bare_related_headline():
    text = "\n".join([
        "BERITA POPULER Sepekan: Jembatan Putus hingga Harga Cabai",
        "Penulis: Rina Ayu | Editor: Dewi Lestari",
        "1. Jembatan Gantung Putus Diterjang Banjir",
        "Jembatan gantung di Desa Sukamaju putus setelah sungai meluap sejak dini hari.",
        "Pedagang Sayur Kaget Kedatangan Pembeli Misterius Tengah Malam, Ternyata Tetangga Sendiri",
        "Warga kini harus memutar sejauh lima kilometer untuk sampai ke pasar.",
        "2. Harga Cabai Naik Jelang Ramadan",
        "Harga cabai rawit di pasar induk naik dua kali lipat dalam sepekan.",
    ])
    a = clean_text(text, ROUNDUP_URL)
    assert a.paragraphs == [
        "1. Jembatan Gantung Putus Diterjang Banjir",
        "Jembatan gantung di Desa Sukamaju putus setelah sungai meluap sejak dini hari.",
        "Warga kini harus memutar sejauh lima kilometer untuk sampai ke pasar.",
        "2. Harga Cabai Naik Jelang Ramadan",
        "Harga cabai rawit di pasar induk naik dua kali lipat dalam sepekan.",
    ]


def test_tribun_subheadings_without_numbers_stay():
    # No numbered items: a Title Case subheading is a subheading.
    text = "\n".join([TITLE, STANDFIRST, "Penulis: Rina Ayu | Editor: Dewi Lestari",
                      "TRIBUNKOTA.COM - Jembatan gantung di Desa Sukamaju putus pada Kamis pagi ini.",
                      "Pemerintah Kabupaten Segera Bangun Jembatan Darurat Untuk Warga Dua Desa",
                      "Bupati meninjau lokasi bersama dinas pekerjaan umum."])
    a = clean_text(text, TRIBUN_URL)
    assert "Pemerintah Kabupaten Segera Bangun Jembatan Darurat Untuk Warga Dua Desa" in a.paragraphs
    # A numbered roundup keeps a short unnumbered subheading (not a Title Case headline of 8+ words).
    text = "\n".join(["BERITA POPULER Sepekan: Jembatan Putus hingga Harga Cabai",
                      "Penulis: Rina Ayu | Editor: Dewi Lestari", "1. Jembatan Gantung Putus",
                      "Jembatan gantung di Desa Sukamaju putus setelah sungai meluap.", "Warga Memutar Jauh",
                      "Warga kini harus memutar sejauh lima kilometer."])
    assert "Warga Memutar Jauh" in clean_text(text, ROUNDUP_URL).paragraphs


KOMPASTV_URL = "https://kompas.tv/amp/kolom/123456/merawat-kepercayaan-publik-di-era-digital?page=all"


def test_kompastv_opinion_date_glued_to_byline():
    text = "\n".join(["Merawat Kepercayaan Publik di Era Digital",
                      "Opini | 2 Maret 2024, 09:15 WIBOleh Sinta Dewi, Peneliti Media Universitas Contoh",
                      "Kepercayaan publik kepada media dibangun dari kerja yang konsisten dan terbuka.",
                      "Di era digital, kecepatan tidak boleh mengalahkan ketepatan."])
    a = clean_text(text, KOMPASTV_URL)
    assert a.published == "2024-03-02T09:15:00+07:00"
    assert a.authors == ["Sinta Dewi"]
    assert a.paragraphs == ["Kepercayaan publik kepada media dibangun dari kerja yang konsisten dan terbuka.",
                            "Di era digital, kecepatan tidak boleh mengalahkan ketepatan."]


def test_kompastv_desktop_header_without_url():
    text = "\n".join(["Kompas TV TALKSHOW bincang pagi", "Harga Pangan Naik Jelang Lebaran | BINCANG PAGI",
                      "Kompas.tv - 2 April 2024, 07:30 WIB", "Penulis : Nama Contoh",
                      "Harga sejumlah bahan pangan naik menjelang Lebaran tahun ini.",
                      "Pedagang menyebut pasokan dari daerah berkurang."])
    a = clean_text(text)
    assert a.site == "kompastv"
    assert a.title == "Harga Pangan Naik Jelang Lebaran | BINCANG PAGI"
    assert a.paragraphs == ["Harga sejumlah bahan pangan naik menjelang Lebaran tahun ini.",
                            "Pedagang menyebut pasokan dari daerah berkurang."]


MEDCOM_URL = "https://www.medcom.id/nasional/peristiwa/aB3dE5fG-terpopuler-nasional-jembatan-putus-hingga-harga-cabai"


def test_medcom_roundup_label_caption_and_promo_suffix():
    text = "\n".join(["Ilustrasi jembatan. Medcom.id", "Ilustrasi jembatan. Medcom.id", "Terpopuler Nasional",
                      "Terpopuler Nasional, Jembatan Putus hingga Harga Cabai", "Nama Contoh • 9 Maret 2024 07:05",
                      "Jakarta: Berita jembatan putus paling banyak dibaca pembaca sepanjang Jumat, 8 Maret 2024.",
                      "Harga cabai rawit di pasar induk naik dua kali lipat. Klik di sini untuk m"])
    a = clean_text(text, MEDCOM_URL)
    assert a.title == "Terpopuler Nasional, Jembatan Putus hingga Harga Cabai"
    assert a.tags == ["Terpopuler Nasional"]
    assert a.image_caption == "Ilustrasi jembatan. Medcom.id"
    assert a.authors == ["Nama Contoh"]
    assert a.paragraphs == [
        "Jakarta: Berita jembatan putus paling banyak dibaca pembaca sepanjang Jumat, 8 Maret 2024.",
        "Harga cabai rawit di pasar induk naik dua kali lipat."]


def test_medcom_caption_twice_is_not_a_topic_label():
    text = "\n".join(["Ilustrasi/Medcom.id", "Ilustrasi/Medcom.id", "Harga Cabai Rawit Naik Dua Kali Lipat",
                      "Nama Contoh • 9 Maret 2024 07:05", "Jakarta: Harga cabai rawit di pasar induk naik tajam."])
    a = clean_text(text, "https://www.medcom.id/ekonomi/mikro/aB3dE5fG-harga-cabai-rawit-naik-dua-kali-lipat")
    assert a.tags == []
    assert a.image_caption == "Ilustrasi/Medcom.id"


JT_AMP = "\n".join(["Pasar Rakyat Baru Diresmikan Wali Kota", "07 - Mar - 2024, 04:20",
                    "Wali kota memotong pita peresmian pasar. (Foto: Dok. Pemkot)",
                    "JATIMTIMES - Wali kota meresmikan pasar rakyat yang baru selesai dibangun di pusat kota.",
                    "Pasar itu menampung dua ratus pedagang."])


def test_jatimtimes_amp_12_hour_clock_with_and_without_url():
    a = clean_text(JT_AMP, "https://jatimtimes.com/amp/baca/123456/20240307/162000/pasar-rakyat-baru-diresmikan")
    assert a.published == "2024-03-07T16:20:00+07:00"
    assert TWELVE_HOUR_WARNING not in a.warnings
    a = clean_text(JT_AMP)
    assert a.site == "jatimtimes"
    assert a.published == "2024-03-07T04:20:00+07:00"
    assert TWELVE_HOUR_WARNING in a.warnings


def test_jatimtimes_24_hour_times_need_no_warning():
    a = clean_text(JT_AMP.replace("04:20", "16:20"))
    assert a.published == "2024-03-07T16:20:00+07:00"
    assert a.warnings == []
    a = clean_text(JT_AMP.replace("04:20", "00:20"))
    assert a.warnings == []


def test_jatimtimes_body_only_text_has_no_title():
    text = "\n".join(["JATIMTIMES - Wali kota meresmikan pasar rakyat yang baru selesai dibangun di pusat kota. "
                      "Pasar itu menampung dua ratus pedagang.", "Pedagang menyambut baik pasar baru itu."])
    a = clean_text(text, "https://jatimtimes.com/baca/123456/20240307/162000/pasar-rakyat-baru-diresmikan-wali-kota")
    assert a.title is None
    assert a.published == "2024-03-07"
    assert len(a.paragraphs) == 2
