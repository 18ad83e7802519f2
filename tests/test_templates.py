"""Pages the fixtures do not cover, written in the template shapes documented in shared/research/sites.md
(Tribun regional desktop, medcom m., Kompas TV desktop, JatimTIMES desktop) and an unknown site. The
article texts are invented for the test."""

from cleaners import clean_text

TRIBUN_REGIONAL = """\
Home
Regional
Banjir Solo
Banjir Setinggi Lutut Rendam Ratusan Rumah di Kawasan Pasar Kliwon Solo
Hujan deras sejak sore membuat sungai meluap dan merendam permukiman warga di tiga kelurahan.
Kamis, 1 Februari 2018 23:57 WIB
Penulis: Rina Ayu | Editor: Dewi Agustina
zoom-in Banjir Setinggi Lutut Rendam Ratusan Rumah di Kawasan Pasar Kliwon Solo
TRIBUNSOLO.COM/Purwanto
Warga melintasi genangan di Jalan Kapten Mulyadi, Solo, Kamis (1/2/2018).
TRIBUNSOLO.COM, SOLO - Banjir merendam ratusan rumah di kawasan Pasar Kliwon pada Kamis malam.
Laporan Wartawan TribunSolo.com, Rina Ayu
Air mulai naik sekitar pukul 19.00 WIB setelah hujan turun selama tiga jam.
Baca juga: Jalan Tol Solo-Ngawi Ditutup Sementara
Warga Mengungsi ke Masjid
Sebagian warga memilih mengungsi ke masjid terdekat sambil menunggu air surut.
Halaman 1/3
Sumber: Tribun Solo
Kirim Komentar
Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE.
"""

MEDCOM_MOBILE = """\
comscore
Ilustrasi. Medcom.id.
Ilustrasi. Medcom.id.
Harga Cabai Rawit di Pasar Induk Turun Jelang Akhir Pekan
Husen Miftahudin - 13 Oktober 2021 07:03 WIB
Jakarta: Harga cabai rawit di sejumlah pasar induk turun hingga Rp10 ribu per kilogram.
\u00a0
Pedagang menyebut pasokan dari sentra produksi kembali normal setelah panen.
\u00a0
Baca: Harga Bawang Merah Masih Tinggi
\u00a0
Pemerintah memantau harga pangan setiap hari melalui panel harga.
(ASH)
Bagaimana tanggapan anda mengenai artikel ini?
Happy1
Inspire
"""

KOMPASTV_DESKTOP = """\
Kompas TV nasional hukum
Sidang Lanjutan Kasus Korupsi Tol Digelar Hari Ini di Pengadilan Tipikor
Kompas.tv - 11 Juni 2024, 10:35 WIB
sidang-lanjutan-kasus-korupsi-tol-digelar-hari-ini-di-pengadilan-tipikor
Suasana ruang sidang Pengadilan Tipikor Jakarta. (Sumber: Kompas TV/Ant)
Penulis : Nadia Intan | Editor : Gading Persada
JAKARTA, KOMPAS.TV - Sidang lanjutan kasus korupsi proyek jalan tol kembali digelar pada Selasa.
Jaksa menghadirkan lima saksi dari pihak kontraktor.
Baca Juga: KPK Periksa Tiga Pejabat Kementerian
Sidang dijadwalkan berlanjut pekan depan dengan agenda pemeriksaan terdakwa.
Sumber : Kompas TV
BERITA LAINNYA
Harga Emas Antam Turun Hari Ini
FOLLOW US
Gabung ke Channel WhatsApp KompasTV untuk update berita terbaru dan terpercaya.
"""

JATIMTIMES_DESKTOP = """\
Jatim Times Network Logo
Beranda / Baca / Peristiwa
Peristiwa
Festival Kopi Lereng Arjuno Dipadati Ribuan Pengunjung dari Berbagai Daerah
Penulis : Anggara Sudiongko - Editor : Dede Nana
28 - Jan - 2022, 00:31
Pengunjung mencicipi kopi di stan festival. (foto: Anggara/JatimTIMES)
JATIMTIMES - Festival kopi di lereng Gunung Arjuno dipadati ribuan pengunjung sejak pagi.
Baca Juga : Pasar Malam Alun-Alun Kembali Dibuka
Panitia menyiapkan empat puluh stan dari petani kopi setempat.
Topik
Festival Kopi, Arjuno, Wisata Malang,
Bagaimana Komentarmu ?
UPDATE BERITA JATIM TIMES NETWORK
Penulis
Anggara Sudiongko
Editor
Dede Nana
"""

UNKNOWN_SITE = """\
beritakita
Beranda > Nasional > Politik
Nasional Ekonomi Olahraga Hiburan Teknologi
Rapat Paripurna DPR Sahkan Revisi Undang-Undang Penyiaran Tahun Ini
Nama Wartawan - beritakita
Senin, 14 Okt 2024 10:15 WIB
Jakarta - Rapat paripurna DPR mengesahkan revisi undang-undang penyiaran pada Senin siang.
Baca juga: Fraksi Menolak Pasal Baru
Sebanyak tujuh fraksi menyatakan setuju, sementara dua fraksi memberi catatan.
Ketua DPR mengetuk palu setelah mendengar pandangan akhir fraksi.
(nam/ugo)
Berita Terkait
Harga Beras Naik
"""


def test_tribun_regional_desktop():
    a = clean_text(TRIBUN_REGIONAL)
    assert a.site == "tribunnews"
    assert a.title == "Banjir Setinggi Lutut Rendam Ratusan Rumah di Kawasan Pasar Kliwon Solo"
    assert a.tags == ["Banjir Solo"]
    assert a.summary.startswith("Hujan deras sejak sore")
    assert a.published == "2018-02-01T23:57:00+07:00"
    assert (a.authors, a.editors) == (["Rina Ayu"], ["Dewi Agustina"])
    assert a.image_caption == "Warga melintasi genangan di Jalan Kapten Mulyadi, Solo, Kamis (1/2/2018)."
    assert a.source == "Tribun Solo"
    assert a.paragraphs == [
        "TRIBUNSOLO.COM, SOLO - Banjir merendam ratusan rumah di kawasan Pasar Kliwon pada Kamis malam.",
        "Air mulai naik sekitar pukul 19.00 WIB setelah hujan turun selama tiga jam.",
        "Warga Mengungsi ke Masjid",
        "Sebagian warga memilih mengungsi ke masjid terdekat sambil menunggu air surut.",
    ]


def test_medcom_mobile():
    a = clean_text(MEDCOM_MOBILE, "https://m.medcom.id/ekonomi/mikro/aBcD1234-harga-cabai-rawit-di-pasar-induk-turun")
    assert a.site == "medcom"
    assert a.title == "Harga Cabai Rawit di Pasar Induk Turun Jelang Akhir Pekan"
    assert a.authors == ["Husen Miftahudin"]
    assert a.published == "2021-10-13T07:03:00+07:00"
    assert a.image_caption == "Ilustrasi. Medcom.id."
    assert a.canonical_url == "https://www.medcom.id/ekonomi/mikro/aBcD1234-harga-cabai-rawit-di-pasar-induk-turun"
    assert a.paragraphs == [
        "Jakarta: Harga cabai rawit di sejumlah pasar induk turun hingga Rp10 ribu per kilogram.",
        "Pedagang menyebut pasokan dari sentra produksi kembali normal setelah panen.",
        "Pemerintah memantau harga pangan setiap hari melalui panel harga.",
    ]


def test_kompastv_desktop():
    a = clean_text(KOMPASTV_DESKTOP)
    assert a.site == "kompastv"
    assert a.title == "Sidang Lanjutan Kasus Korupsi Tol Digelar Hari Ini di Pengadilan Tipikor"
    assert a.published == "2024-06-11T10:35:00+07:00"
    assert (a.authors, a.editors) == (["Nadia Intan"], ["Gading Persada"])
    assert a.image_caption == "Suasana ruang sidang Pengadilan Tipikor Jakarta. (Sumber: Kompas TV/Ant)"
    assert a.source == "Kompas TV"
    assert a.paragraphs == [
        "JAKARTA, KOMPAS.TV - Sidang lanjutan kasus korupsi proyek jalan tol kembali digelar pada Selasa.",
        "Jaksa menghadirkan lima saksi dari pihak kontraktor.",
        "Sidang dijadwalkan berlanjut pekan depan dengan agenda pemeriksaan terdakwa.",
    ]


def test_jatimtimes_desktop_keeps_24_hour_clock():
    url = "https://jatimtimes.com/baca/263001/20220127/173100/festival-kopi-lereng-arjuno-dipadati-ribuan-pengunjung"
    a = clean_text(JATIMTIMES_DESKTOP, url)
    assert a.site == "jatimtimes"
    assert a.title == "Festival Kopi Lereng Arjuno Dipadati Ribuan Pengunjung dari Berbagai Daerah"
    assert a.published == "2022-01-28T00:31:00+07:00"  # desktop prints H:i; the URL time is UTC here
    assert (a.authors, a.editors) == (["Anggara Sudiongko"], ["Dede Nana"])
    assert a.tags == ["Festival Kopi", "Arjuno", "Wisata Malang"]
    assert a.canonical_url == "https://jatimtimes.com/baca/263001"
    assert a.paragraphs == [
        "JATIMTIMES - Festival kopi di lereng Gunung Arjuno dipadati ribuan pengunjung sejak pagi.",
        "Panitia menyiapkan empat puluh stan dari petani kopi setempat.",
    ]


def test_unknown_site_generic_rules():
    a = clean_text(UNKNOWN_SITE, "https://beritakita.example/nasional/2024/10/14/rapat-paripurna-dpr-sahkan-revisi")
    assert a.site is None and a.extractor == "generic"
    assert a.title == "Rapat Paripurna DPR Sahkan Revisi Undang-Undang Penyiaran Tahun Ini"
    assert a.published == "2024-10-14T10:15:00+07:00"
    assert a.summary is None
    assert a.paragraphs == [
        "Jakarta - Rapat paripurna DPR mengesahkan revisi undang-undang penyiaran pada Senin siang.",
        "Sebanyak tujuh fraksi menyatakan setuju, sementara dua fraksi memberi catatan.",
        "Ketua DPR mengetuk palu setelah mendengar pandangan akhir fraksi.",
    ]
    assert a.language == "id"
    # Without the URL the title still comes out, past the logo, breadcrumb and menu lines.
    assert clean_text(UNKNOWN_SITE).title == a.title


def test_repeated_paragraph_block_is_deduplicated():
    text = "Judul Berita yang Cukup Panjang untuk Sebuah Judul\n11 Oktober 2024, 15:32 WIB\n" + (
        "Paragraf pertama yang berisi kalimat lengkap.\nParagraf kedua yang juga berisi kalimat lengkap.\n") * 2
    assert clean_text(text).paragraphs == ["Paragraf pertama yang berisi kalimat lengkap.",
                                           "Paragraf kedua yang juga berisi kalimat lengkap."]


def test_language_is_deterministic():
    text = "Judul Berita yang Cukup Panjang untuk Sebuah Judul\nIni paragraf berita dalam bahasa Indonesia yang dibaca."
    assert len({clean_text(text).language for _ in range(5)}) == 1


def test_line_roles_explain_every_line():
    from cleaners import line_roles

    roles = dict((text, role) for role, text in line_roles(KOMPASTV_DESKTOP))
    assert roles["Sidang Lanjutan Kasus Korupsi Tol Digelar Hari Ini di Pengadilan Tipikor"] == "title"
    assert roles["Kompas.tv - 11 Juni 2024, 10:35 WIB"] == "date"
    assert roles["Baca Juga: KPK Periksa Tiga Pejabat Kementerian"] == "boilerplate"
    assert roles["Suasana ruang sidang Pengadilan Tipikor Jakarta. (Sumber: Kompas TV/Ant)"] == "caption"
    assert roles["Penulis : Nadia Intan | Editor : Gading Persada"] == "byline"
    assert roles["Jaksa menghadirkan lima saksi dari pihak kontraktor."] == "body"
    assert roles["Sumber : Kompas TV"] == "source"
    assert "unread" not in roles.values()
