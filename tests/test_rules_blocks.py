"""The genre's rules for HTML blocks (cleaners/rules/blocks.py) and the block recognisers
(cleaners/recognise/blocks.py), each on blocks it must and must not touch. The lines are invented in the
shapes Indonesian (and English) news templates print; none is taken from a page of the dev sets."""

import pytest

from cleaners.recognise.blocks import is_caption_block, is_dated_teaser, parse_block_date
from cleaners.rules import Action
from cleaners.rules.blocks import BLOCK_RULES, block_ruleset


def action(line):
    found = block_ruleset().first_match(line)
    return found.action if found else None


@pytest.mark.parametrize(
    "line",
    [
        # "Baca juga" as a heading of its own, and its shapes without the words.
        "BACA JUGA",
        "Baca Juga:",
        "Simak Juga",
        "Jangan Lewatkan",
        "Berita Pilihan",
        # Widget headings.
        "TERPOPULER HARI INI",
        "Paling Banyak Dibaca",
        "Popular Videos",
        "Most Read",
        # Counters and reaction boxes.
        "1.234 Views",
        "telah dilihat 3.581 kali",
        "Dibaca 12 kali",
        "Like (0)",
        "Dislike (12)",
        "Rate artikel ini",
        "Rating ( voters)",
        "Vote Photo",
        # Promos.
        "Pantau terus perkembangan kasus ini di Google News Situs Contoh",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu lewat saluran WhatsApp",
        "Berlangganan newsletter kami, gratis setiap pagi",
        # Credits.
        "(***/Rina)",
    ],
)
def test_block_inserts_are_dropped(line):
    assert action(line) is Action.DROP


@pytest.mark.parametrize(
    "line",
    [
        # A masthead line only ends the body where the genre's shapes say so (an e-mail contact line is
        # dropped by the shared rules); a paragraph that opens with these words is text.
        "Redaksi: Dewan Pers menegur tiga media daring karena memuat berita tanpa konfirmasi.",
        "Pemasangan iklan rokok di ruang publik dilarang mulai tahun depan, kata wali kota.",
        "Redaksi: Jl. Contoh No. 1, Jakarta",
    ],
)
def test_masthead_words_do_not_end_the_body(line):
    assert action(line) is not Action.END


@pytest.mark.parametrize(
    "line", ["Baca Artikel Menarik Lainnya", "BeritaTerbaru Index »", "0 Komentar", "Redaksi: redaksi[at]contoh.co.id"])
def test_shapes_the_shared_rules_also_claim(line):
    """Shapes these rules cover and a shared rule of `GENERIC_RULES` claims first: never body either way."""
    assert action(line) in (Action.DROP, Action.END)


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga buku panduan yang dibagikan panitia sebelum lomba dimulai.",
        "Nilai tukar rupiah melemah 20 poin",
        "Rating kredit Indonesia dipertahankan pada level layak investasi oleh lembaga pemeringkat.",
        "Like father, like son, kata pepatah yang dikutip sang pelatih.",
        "• Harga beras medium naik 5 persen dibanding pekan lalu.",
        "Populer di kalangan remaja, aplikasi itu kini diblokir pemerintah.",
        "Perusahaan itu meluncurkan fitur baru di Google News untuk pembaca di Asia Tenggara.",
        "Terbaru, polisi menetapkan dua tersangka baru dalam kasus tersebut.",
        "Redaksi menerima 300 naskah cerpen dalam lomba tahun ini.",
        "Ahmad Dahlan (45) ditangkap di rumahnya pada Senin malam.",
        "Siti Aminah (32)",
        "Akhir Zaman (15)",
        "• Polisi Tangkap Dua Pelaku Pencurian Motor di Sleman",
        "» Harga Cabai Rawit Tembus Rp 90 Ribu per Kilogram",
        "Latest news on the strike: unions meet today",
        "Must read for anyone who rents a flat in the city",
        "Most of the votes were counted by midnight, officials said.",
    ],
)
def test_article_blocks_are_kept(line):
    assert action(line) is None


def test_block_rules_are_anchored():
    """Anchored rules are screened together; a block rule never scans a whole paragraph."""
    assert all(r.pattern.pattern.startswith("^") for r in BLOCK_RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Warga melintasi jalan yang tergenang banjir di Kampung Melayu, Senin (5/2/2024). (ANTARA/Nama Fotografer)",
        "Suasana sidang di Pengadilan Negeri Surabaya. (SITUSCONTOH.com/Budi Santoso)",
        "Petugas memadamkan api di Pasar Baru. (Foto: Dok. Damkar)",
        "Pemain merayakan gol. (REUTERS / John Doe)",
        "Ilustrasi pencurian kendaraan bermotor",
        "Foto: Grandyos Prasetyo",
        "Fotografer: Siti Rahma",
        "SITUSCONTOH.COM/Dimas Ari",
        "Aktris itu di lokasi syuting/©SitusContoh.com/Agus",
        "Charlotte © istimewa",
    ],
)
def test_captions_and_credits(line):
    assert is_caption_block(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hal itu disampaikan Kapolres dalam jumpa pers di Mapolres, Senin (12/2/2024).",
        "Bupati meresmikan jembatan itu, Rabu (13/3).",
        "Polisi masih menyelidiki kasus tersebut. (fyk/ash)",
        "Harga emas turun. (AFP)",
        "Pemerintah menaikkan anggaran subsidi pupuk sebesar dua triliun rupiah. Tambahan itu berlaku untuk musim "
        "tanam tahun depan, kata Menteri Pertanian di Jakarta. (Antara/Reuters)",
    ],
)
def test_not_captions(line):
    assert not is_caption_block(line)


@pytest.mark.parametrize(
    "line",
    [
        "Kamis, 07/03/2024 09:25 WIB Harga Tiket Pesawat Mudik Mulai Naik",
        "03Rabu, 06/03/2024 23:45 WIBMenteri Tinjau Tol Fungsional Jelang Lebaran",
        "Gempa Guncang Sukabumi, Warga Berhamburan 6 Maret 2024",
        "Sabtu, 2 Maret 2024 | 13:28 WIB Begini Cara Cek Status Penerima Bansos",
    ],
)
def test_dated_teasers(line):
    assert is_dated_teaser(line)


@pytest.mark.parametrize(
    "line",
    [
        "JAKARTA, 5 Mei 2025 - Pemerintah menaikkan harga BBM nonsubsidi mulai hari ini.",
        "Rapat digelar pada 5 Mei 2025 di gedung DPR.",
        "Selasa, 5 Maret 2024 | 998 Views",
        "Senin, 4 Maret 2024 10:00 WIB",
        # An embedded post's signature and a period of two dates are part of the article.
        "— Rina Kartika (@rinakartika) 18 Maret 2024",
        "- Budi Santoso, warga Cilandak, 2 Maret 2024",
        "Pameran Lukisan Maestro Nusantara 12 Februari 2024 | 20 Maret 2024",
        "Ucapan selamat dari @pemkotcontoh untuk para juara 4 Maret 2024",
    ],
)
def test_not_dated_teasers(line):
    assert not is_dated_teaser(line)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Selasa, 5 Maret 2024 15:06 WIB | 998 Views", "2024-03-05T15:06:00+07:00"),
        ("Rabu, 6 Maret 2024 | 09:12 WITA - dibaca 1.204 kali", "2024-03-06T09:12:00+08:00"),
        ("on 6 Mar 2024 at 09:09 WIB", "2024-03-06T09:09:00+07:00"),
        ("Senin 5 Mei 2025, 09:12 WIB", "2025-05-05T09:12:00+07:00"),
        ("Selasa, 16 Februari 2016 | 14:38 WIB", "2016-02-16T14:38:00+07:00"),
        ("March 6, 2024 2:10 PM", "2024-03-06T14:10:00+07:00"),
    ],
)
def test_block_dates(line, iso):
    assert parse_block_date(line).date.iso() == iso


def test_not_block_dates():
    assert parse_block_date("Pada 5 Mei 2025 pemerintah menaikkan harga BBM nonsubsidi di seluruh SPBU.") is None
    assert parse_block_date("Harga Tiket Pesawat Mudik Mulai Naik") is None
