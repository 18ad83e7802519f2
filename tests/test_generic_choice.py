"""The generic path chooses its content: the block renderer, the candidates and the judge, and the
metadata of any site, on invented pages in the shapes Indonesian (and English) news templates print.
No line here is taken from a page of the dev sets."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from cleaners import clean_html_generic
from cleaners.dom.render import CAPTION, P, render
from cleaners.paths.generic import Cleaned, choose
from cleaners.paths.generic_meta import choose_published, clean_tags, clean_title, person_names
from cleaners.recognise.dates import find_date

S = [
    "Pemerintah kabupaten meresmikan jembatan baru yang menghubungkan dua kecamatan di tepi sungai itu.",
    "Bupati mengatakan jembatan sepanjang 120 meter itu dibangun dengan anggaran daerah selama dua tahun.",
    "Warga menyambut gembira karena waktu tempuh ke pasar kecamatan kini hanya sepuluh menit.",
    "Dinas pekerjaan umum akan memeriksa kondisi jembatan setiap enam bulan sekali, katanya.",
    "Sebelumnya warga harus memutar sejauh delapan kilometer melewati jalan desa yang rusak.",
]


def blocks(fragment: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in render(lxml_html.fragment_fromstring(fragment, create_parent="div"))]


def page(body: str, head: str = "", title: str = "Jembatan Baru Hubungkan Dua Kecamatan") -> str:
    return (f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


MENU = ("<nav><ul>" + "".join(f"<li><a href='/{s.lower()}'>{s}</a></li>" for s in (
    "Beranda", "Nasional", "Daerah", "Ekonomi", "Olahraga", "Hiburan", "Teknologi")) + "</ul></nav>")
POPULAR = ("<div class='sidebar'><h3>Terpopuler</h3><ul>" + "".join(
    f"<li><a href='/berita/{n}'>Judul berita populer nomor {n} tentang kejadian di kota</a></li>"
    for n in range(8)) + "</ul></div>")


# ------------------------------------------------------------------------------------------ the renderer


def test_two_br_split_a_paragraph_one_br_joins_a_hard_wrap():
    assert blocks(f"<p>{S[0]}<br><br>{S[1]}</p>") == [(P, S[0]), (P, S[1])]
    assert blocks("<p>Pemerintah kota itu,<br>meresmikan lomba film pendek.</p>") == [
        (P, "Pemerintah kota itu, meresmikan lomba film pendek.")]
    # A single <br> after a sentence, before a capital, is a paragraph break too: never glued.
    assert blocks(f"<p>{S[0]}<br>{S[1]}</p>") == [(P, S[0]), (P, S[1])]


def test_hidden_elements_and_widgets_are_not_read():
    fragment = (f"<h4 class='hide'>Ringkasan yang tersembunyi</h4><p style='display:none'>Teks tersembunyi.</p>"
                f"<div class='share-buttons'><a href='#'>Facebook</a> <a href='#'>Twitter</a> <a href='#'>WhatsApp</a>"
                f"</div><p>{S[0]}</p>")
    assert blocks(fragment) == [(P, S[0])]
    # A container named like a widget that holds a real paragraph is read.
    long = " ".join(S[:3])
    assert blocks(f"<div class='related-story'><p>{long}</p></div>") == [(P, long)]


def test_figures_and_caption_elements_are_captions():
    fragment = (f"<figure><img src='a.jpg'><figcaption>Warga melintasi jembatan baru, Senin (4/3/2024).</figcaption>"
                f"</figure><p>{S[0]}</p><p><span class='wp-caption-text'>Foto udara jembatan.</span></p>")
    assert blocks(fragment) == [(CAPTION, "Warga melintasi jembatan baru, Senin (4/3/2024)."), (P, S[0]),
                                (CAPTION, "Foto udara jembatan.")]


def test_deep_markup_is_read_without_recursion():
    root = node = etree.Element("div")
    for _ in range(3000):
        node = etree.SubElement(node, "div")
    etree.SubElement(node, "p").text = S[0]
    assert [(b.kind, b.text) for b in render(root)] == [(P, S[0])]


# ---------------------------------------------------------------------------------------------- the judge


def cleaned(name: str, paragraphs: list[str]) -> Cleaned:
    return Cleaned(name, list(paragraphs), [P] * len(paragraphs))


def test_judge_no_body_loses_to_any_body():
    rating = cleaned("trafilatura", ["Rate artikel ini", "Like (0)", "Dislike (0)", "Popular Videos"])
    body = cleaned("container", S[:3])
    assert choose([rating, body]).name == "container"
    assert choose([cleaned("trafilatura", []), body]).name == "container"


def test_judge_a_tighter_reading_of_the_same_article_wins():
    wide = cleaned("trafilatura", ["Selasa, 5 Maret 2024", "Foto jembatan dari udara saat peresmian kemarin", *S,
                                   "Berita lain yang ditautkan di bawah artikel ini"])
    tight = cleaned("container", S)
    assert choose([wide, tight]).name == "container"


def test_judge_a_part_of_the_article_does_not_win():
    whole = cleaned("trafilatura", S)
    part = cleaned("container", S[:2])
    assert choose([whole, part]).name == "trafilatura"


def test_judge_another_region_does_not_win():
    article = cleaned("trafilatura", S[:3])
    comments = cleaned("container", [
        "Komentar pembaca pertama yang panjang sekali tentang jembatan itu dan pengalaman pribadinya.",
        "Komentar pembaca kedua yang juga panjang, membandingkan dengan jembatan di kabupaten sebelah.",
        "Komentar ketiga yang menyebut bahwa proyek itu sudah lama ditunggu oleh warga setempat."])
    assert choose([article, comments]).name == "trafilatura"


def test_judge_the_whole_article_element_wins_over_a_part():
    part = cleaned("trafilatura", S[:2])
    whole = cleaned("article", [*S, *S[::-1]])
    assert choose([part, whole]).name == "article"


# ------------------------------------------------------------------------------------------ whole pages


def test_a_rating_box_and_a_popular_list_never_win_over_the_body():
    body = ("<div class='rate-box'><p>Rate artikel ini</p><a href='#'>Like (0)</a> <a href='#'>Dislike (0)</a>"
            "</div>" + MENU + f"<div class='detail-text'>{''.join(f'<p>{s}</p>' for s in S)}</div>" + POPULAR)
    article = clean_html_generic(page(body), "https://berita.contoh.id/daerah/2024/03/05/jembatan-baru")
    assert article.paragraphs == S


def test_photo_gallery_body_is_its_captions():
    captions = [f"Pengunjung memadati pameran foto di galeri kota pada hari ke-{n}, Minggu (3/3/2024). "
                f"(SITUSCONTOH/Nama Fotografer)" for n in range(1, 5)]
    figures = "".join(f"<figure><img src='{n}.jpg'><figcaption>{c}</figcaption></figure>"
                      for n, c in enumerate(captions))
    body = ("<header>" + MENU + "</header><main><article><header><h1>Pameran Foto di Galeri Kota</h1>"
            "<p class='byline'>By <a href='/u/1'>Nama Fotografer</a></p></header><div class='gallery'>" + figures
            + "</div><div class='rating'><p>Rate artikel ini</p><a href='#'>Like (12)</a> <a href='#'>Dislike (1)</a>"
            "<p>Credits (2)</p></div></article></main><aside>" + POPULAR + "</aside>")
    article = clean_html_generic(page(body, title="Pameran Foto di Galeri Kota"),
                                 "https://foto.contoh.id/galeri/pameran-foto-di-galeri-kota-123")
    assert article.paragraphs == captions
    assert article.image_caption is None


def test_a_short_article_beside_a_long_teaser_list():
    teasers = "".join(f"<li>Senin, 04/03/2024 1{n}:00 WIB <h6><a href='/b/{n}'>Judul berita lain nomor {n} di "
                      f"kota</a></h6></li>" for n in range(8))
    body = (MENU + "<div class='detail'><div class='date'>Selasa, 05/03/2024 15:32 WIB</div><h2>FotoBisnis</h2>"
            "<h1>Jembatan Baru Hubungkan Dua Kecamatan</h1><div class='text'>" + S[0] + " " + S[1] + "</div>"
            "<span>More Photos</span></div><div class='list'><h4>BeritaTerbaru</h4><ul>" + teasers + "</ul></div>")
    article = clean_html_generic(page(body), "https://foto.contoh.id/read/2024/03/05/jembatan")
    assert article.paragraphs == [f"{S[0]} {S[1]}"]
    assert article.published == "2024-03-05T15:32:00+07:00"


def test_a_leading_date_line_is_the_publication_time_not_body():
    body = (MENU + "<div class='article'><h1>Jembatan Baru Hubungkan Dua Kecamatan</h1>"
            "<div class='meta'>Selasa, 5 Maret 2024 15:06 WIB | 998 Views</div><div class='content'>"
            + "".join(f"<p>{s}</p>" for s in S) + "</div></div>")
    article = clean_html_generic(page(body), "https://www.contoh.id/berita/1234/jembatan-baru")
    assert article.published == "2024-03-05T15:06:00+07:00"
    assert article.paragraphs == S


def test_br_separated_body_with_dateline_and_initials():
    text = "<br><br>".join(S[:3])
    body = (MENU + f"<div class='isi-berita'><strong>Sleman</strong> - <p>{text}</p><strong>(abc/def)</strong>"
            "</div>" + POPULAR)
    article = clean_html_generic(page(body), "https://www.contoh.id/berita/1234/jembatan-baru")
    assert article.paragraphs == [f"Sleman - {S[0]}", S[1], S[2]]


def test_caption_beside_the_photo_is_the_caption_not_body():
    body = (MENU + "<div class='read'><h2>Jembatan Baru Hubungkan Dua Kecamatan</h2>"
            "<div class='foto'><img src='j.jpg'><span class='credit'>SITUSCONTOH/Nama</span> Warga melintasi jembatan "
            "baru di Kecamatan Sukamaju, Senin (4/3/2024)</div><div class='read-text'>"
            + "".join(f"<p>{s}</p>" for s in S) + "</div></div>")
    article = clean_html_generic(page(body), "https://www.contoh.id/read/2024/03/05/jembatan-baru")
    assert article.paragraphs == S
    assert article.image_caption and "Warga melintasi jembatan" in article.image_caption


def test_a_comment_section_does_not_win():
    comments = "".join(f"<div class='comment'><p>Komentar pembaca nomor {n}: jembatan ini sudah lama ditunggu, "
                       f"semoga dirawat dengan baik dan tidak cepat rusak seperti jalan di desa kami.</p></div>"
                       for n in range(8))
    body = (MENU + "<article><div class='entry-content'>" + "".join(f"<p>{s}</p>" for s in S[:3]) + "</div>"
            f"</article><section id='comments' class='comments'><h3>8 Komentar</h3>{comments}</section>")
    article = clean_html_generic(page(body), "https://www.contoh.id/2024/03/05/jembatan-baru")
    assert article.paragraphs == S[:3]


def test_a_data_table_page_keeps_its_rows():
    rows = "".join(f"<tr><td>{n}</td><td>Tim Nomor {n}</td><td>{40 - n}</td></tr>" for n in range(1, 16))
    body = (MENU + "<div class='content'><p>Klasemen sementara liga setelah pekan ke-20, Senin (4/3/2024).</p>"
            f"<table><tr><th>Pos</th><th>Tim</th><th>Poin</th></tr>{rows}</table>"
            "<p>Tiga tim teratas berhak tampil di babak kualifikasi turnamen antarklub musim depan.</p></div>")
    article = clean_html_generic(page(body, title="Klasemen Sementara Liga"), "https://bola.contoh.id/klasemen")
    assert "1 Tim Nomor 1 39" in article.paragraphs and len(article.paragraphs) >= 15


# ------------------------------------------------------------------------------------------------ metadata


def test_titles_lose_the_site_name():
    names = {"situscontoh", "situscontohcom"}
    assert clean_title("Jembatan Baru Diresmikan - SitusContoh.com", names) == "Jembatan Baru Diresmikan"
    assert clean_title("SitusContoh.com: Jembatan Baru Diresmikan", names) == "Jembatan Baru Diresmikan"
    assert clean_title("Jembatan Baru Diresmikan | Situs Contoh Regional", names) == "Jembatan Baru Diresmikan"
    # The section label before the headline goes when the page's heading shows the headline alone.
    assert clean_title("SitusContoh.com: Daerah - Jembatan Baru Diresmikan", names,
                       ["Jembatan Baru Diresmikan"]) == "Jembatan Baru Diresmikan"
    # A headline that only mentions the site, or a prefix that is not the site, stays.
    assert clean_title("SitusContoh Raih Penghargaan Media Terbaik", names) == "SitusContoh Raih Penghargaan Media Terbaik"
    assert clean_title("FOTO: Jembatan Baru Diresmikan", names) == "FOTO: Jembatan Baru Diresmikan"
    assert clean_title("Breaking: Storm hits the coast - Daily Example", {"dailyexample"}) == "Breaking: Storm hits the coast"


def test_authors_are_people():
    names = {"situscontoh"}
    assert person_names(["By JANE DOE, Example Press Staff Writer"], names) == ["Jane Doe"]
    assert person_names(["Siti Aminah, MS, RDN"], names) == ["Siti Aminah"]
    assert person_names(["Budi Santoso. SitusContoh International"], names) == ["Budi Santoso"]
    assert person_names(["admin", "Tim Redaksi", "Associated Press", "PTI", "abc/def", "SitusContoh"], names) == []
    assert person_names(["Oleh: Rina Wulandari dan Agus Salim"], names) == ["Rina Wulandari", "Agus Salim"]


def test_tags_are_the_pages_topics():
    found = clean_tags(["Daerah:Jawa Tengah", "Editor:Nama Editor", "jembatan", "infrastruktur",
                        "berita terkini", "berita hari ini", "@post-id:123", "News:"])
    assert (found.tags, found.editors) == (["jembatan", "infrastruktur"], ["Nama Editor"])
    # Keyword soup: the description cut into words.
    soup = clean_tags(["warga", "di", "jembatan", "yang", "baru", "ini", "sih"])
    assert soup.tags == []


def test_published_in_the_pages_zone():
    utc = [find_date("2024-03-05T02:09:27Z")]
    assert choose_published(utc, [find_date("5 Mar 2024 09:09 WIB")], 7) == "2024-03-05T09:09:27+07:00"
    # A local time labelled UTC: the printed clock with the printed zone.
    wrong = [find_date("2024-03-05T10:08:58Z")]
    assert choose_published(wrong, [find_date("Selasa, 05/03/2024 10:08 WIB")], 7) == "2024-03-05T10:08:00+07:00"
    # The true instant beside a <time> that mislabels WITA as UTC (the page prints 09:12 WITA).
    assert choose_published([find_date("2024-03-05T01:12:00+00:00")], [find_date("5 Maret 2024 09:12 WITA")],
                            7) == "2024-03-05T09:12:00+08:00"
    # A date-only machine value and the printed time of that day.
    assert choose_published([find_date("2024-03-05")], [find_date("Selasa, 5 Maret 2024 | 14:38")], 7) == \
        "2024-03-05T14:38:00+07:00"
    # A time shown without a zone on a page that is not Indonesian keeps no invented offset.
    assert choose_published([], [find_date("March 5, 2024, 9:02")], None) == "2024-03-05T09:02:00"
    assert choose_published([find_date("2024-03-05T09:01:42+05:30")], [find_date("March 5, 2024, 9:01")],
                            None) == "2024-03-05T09:01:42+05:30"


def test_page_metadata_end_to_end():
    head = ("<meta property='og:site_name' content='Situs Contoh'>"
            "<meta property='og:title' content='Jembatan Baru Hubungkan Dua Kecamatan - Situs Contoh'>"
            "<meta name='keywords' content='warga, di, jembatan, yang, baru, ini'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": "
            "\"2024-03-05T02:09:27Z\", \"author\": {\"name\": \"Situs Contoh\"}}</script>")
    body = (MENU + "<div class='article'><h1>Jembatan Baru Hubungkan Dua Kecamatan</h1>"
            "<div class='byline'>Penulis: Rina Wulandari | Editor: Agus Salim</div>"
            "<time>Selasa, 5 Maret 2024 09:09 WIB</time><div class='content'>" + "".join(f"<p>{s}</p>" for s in S)
            + "<p>Sumber : Humas Pemkab</p></div></div>")
    article = clean_html_generic(page(body, head), "https://www.situscontoh.id/2024/03/05/jembatan-baru")
    assert article.title == "Jembatan Baru Hubungkan Dua Kecamatan"
    assert (article.authors, article.editors, article.tags) == (["Rina Wulandari"], ["Agus Salim"], [])
    assert article.published == "2024-03-05T09:09:27+07:00"
    assert article.source == "Humas Pemkab"
    assert article.paragraphs == S


def test_a_hidden_summary_is_not_the_body_whatever_extractor_found_it():
    # trafilatura does not read CSS classes: a hidden summary box and a caption must not outweigh the text.
    summary = "Ringkasan berita yang hanya dibaca mesin pencari tentang jembatan baru di kabupaten itu hari ini."
    html = page(f"<div id='judul'><h1>Jembatan Baru Hubungkan Dua Kecamatan</h1><h4 class='hide'>{summary}</h4>"
                f"<figure><img src='/a.jpg'><figcaption>Warga melintasi jembatan baru di kecamatan itu, "
                f"Senin (2/3/2026).</figcaption></figure></div>"
                "<div class='isi-baru'>" + "".join(f"<p>{s}</p>" for s in S) + "</div>")
    article = clean_html_generic(html)
    assert article.paragraphs == S
    assert summary not in article.body


def test_a_run_on_default_gives_way_to_the_same_text_in_paragraphs():
    glued = Cleaned("trafilatura", [" ".join(["Jembatan Baru Hubungkan Dua Kecamatan 2 Maret 2026, 10:35 WIB",
                                              "Penulis : Nama Penulis | Editor : Nama Editor", *S])], [P])
    split = Cleaned("container", list(S), [P] * len(S))
    assert choose([glued, split]).name == "container"
    # A default of several paragraphs is not a run-on: a tighter candidate still has to keep its value.
    several = Cleaned("trafilatura", [*S, *(s.replace("jembatan", "jalan") for s in S)], [P] * 10)
    assert choose([several, Cleaned("container", S[:2], [P, P])]).name == "trafilatura"
    # Nor does a candidate from elsewhere on the page replace it.
    other = Cleaned("container", [s.replace("jembatan", "pasar").replace("Bupati", "Camat") + " Lain hal."
                                  for s in S], [P] * len(S))
    assert choose([glued, other]).name == "trafilatura"


def test_a_linked_bullet_goes_by_link_density_a_text_bullet_stays():
    bullets = ["• Harga beras medium naik lima persen dibanding pekan lalu di pasar induk",
               "• Stok beras di gudang Bulog cukup untuk enam bulan ke depan menurut kepala cabang"]
    html = page("<article><h1>Jembatan Baru Hubungkan Dua Kecamatan</h1>"
                + "".join(f"<p>{s}</p>" for s in S[:3])
                + "<p class='baca'><strong>• <a href='/berita/lain-1'>Polisi Tangkap Dua Pelaku Pencurian Motor"
                  "</a></strong></p>"
                + "".join(f"<p>{b}</p>" for b in bullets) + "".join(f"<p>{s}</p>" for s in S[3:]) + "</article>")
    article = clean_html_generic(html)
    assert not any("Polisi Tangkap" in p for p in article.paragraphs)
    assert [p for p in article.paragraphs if p.startswith("•")] == bullets


def test_copyright_words_in_a_sentence_are_text():
    from cleaners.rules import GENERIC_RULES
    from cleaners.rules.base import RuleSet

    rules = RuleSet(GENERIC_RULES)
    assert rules.first_match("© 2026 Contoh Media. All rights reserved.") is not None
    assert rules.first_match("Hak cipta dilindungi undang-undang") is not None
    sentence = ("Menurut kuasa hukumnya, karya cipta lagu itu hak cipta dilindungi undang-undang. Karena itu "
                "penggunaan tanpa izin dapat dipidana.")
    assert rules.first_match(sentence) is None
