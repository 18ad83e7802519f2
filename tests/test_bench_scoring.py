"""The scoring functions of bench/accuracy.py: shingles, P/R/F1 edge cases, exact paragraphs, and the
metadata detectors (glued words, title affixes, author roles, keyword-soup tags, publication times)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import scoring as S  # noqa: E402

# --- shingles and P/R/F1 ---------------------------------------------------------------------------------


def test_shingles_are_lowercased_word_4grams():
    assert S.shingles("Satu, dua; TIGA empat lima") == {("satu", "dua", "tiga", "empat"): 1,
                                                        ("dua", "tiga", "empat", "lima"): 1}


def test_short_text_is_one_shingle_and_empty_text_none():
    assert S.shingles("dua kata") == {("dua", "kata"): 1}
    assert S.shingles("") == {}
    assert S.shingles(None) == {}
    assert S.shingles(" -- !! ") == {}


def test_shingles_are_a_multiset():
    assert S.shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_identical_text_scores_one():
    s = S.shingle_scores("Harga cabai rawit turun jelang akhir pekan.", "harga cabai rawit turun jelang akhir pekan")
    assert s == S.PRF(1.0, 1.0, 1.0)


def test_empty_output_has_undefined_precision_and_zero_f1():
    s = S.shingle_scores("", "harga cabai rawit turun jelang akhir pekan")
    assert s.precision is None and s.recall == 0.0 and s.f1 == 0.0


def test_empty_output_and_empty_gold_is_perfect():
    assert S.shingle_scores("", "") == S.PRF(None, 1.0, 1.0)


def test_output_with_empty_gold_scores_zero():
    assert S.shingle_scores("ada teks di sini", "") == S.PRF(0.0, 0.0, 0.0)


def test_partial_overlap():
    s = S.shingle_scores("a b c d e", "a b c d e f g h")  # output 2 shingles, gold 5, 2 common
    assert s.precision == 1.0 and s.recall == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(2 * 0.4 / 1.4)


def test_aggregate_follows_the_zyte_convention_and_counts_low_pages():
    scores = {"a": S.PRF(1.0, 1.0, 1.0), "b": S.PRF(None, 0.0, 0.0), "c": S.PRF(0.5, 0.5, 0.5)}
    agg = S.aggregate(scores)
    assert agg["precision"] == pytest.approx(0.75)  # over the two pages with output
    assert agg["recall"] == pytest.approx(0.5)  # over all three
    assert agg["f1"] == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert agg["mean_page_f1"] == pytest.approx(0.5)
    assert agg["pages_below"] == 1 and agg["below"] == ["b"]  # 0.5 itself is not below 0.5
    assert agg["pages_with_output"] == 2


def test_aggregate_of_nothing():
    agg = S.aggregate({})
    assert agg["f1"] == 0.0 and agg["mean_page_f1"] == 0.0 and agg["pages"] == 0


# --- exact paragraphs ------------------------------------------------------------------------------------


def test_paragraphs_match_after_collapsing_white_space():
    out = "Jakarta:  Harga\u00a0cabai turun.\n\nPedagang   menyebut\npasokan normal."
    gold = ["Jakarta: Harga cabai turun.", "Pedagang menyebut pasokan normal."]
    score = S.paragraph_scores(out, gold)
    assert score == S.ParagraphScore(2, 2, 2, True)
    assert score.prf == S.PRF(1.0, 1.0, 1.0)


def test_a_changed_word_does_not_count():
    score = S.paragraph_scores("Satu.\n\nDua tiga.", ["Satu.", "Dua  empat."])
    assert (score.matched, score.exact) == (1, False)
    assert score.prf.precision == 0.5 and score.prf.recall == 0.5


def test_order_matters_for_exact_only():
    score = S.paragraph_scores(["B.", "A."], ["A.", "B."])
    assert score.matched == 2 and not score.exact
    assert S.paragraph_diff(["B.", "A."], ["A.", "B."]) == ["order differs"]


def test_empty_output_paragraphs():
    score = S.paragraph_scores("", ["A."])
    assert score.prf == S.PRF(None, 0.0, 0.0)
    assert S.paragraph_scores("", []).prf == S.PRF(None, 1.0, 1.0)


def test_micro_sums_paragraphs_over_pages():
    prf = S.micro([S.ParagraphScore(9, 10, 10, False), S.ParagraphScore(1, 1, 2, False)])
    assert prf.precision == pytest.approx(10 / 11) and prf.recall == pytest.approx(10 / 12)


def test_paragraph_diff_lists_missing_and_extra():
    assert S.paragraph_diff("A.\n\nExtra.", ["A.", "B."]) == ["- B.", "+ Extra."]


def test_field_equal_collapses_white_space():
    assert S.field_equal(" Judul  berita ", "Judul berita")
    assert S.field_equal(["Andi  Wijaya"], ["Andi Wijaya"])
    assert not S.field_equal(None, "")
    assert not S.field_equal([], ["x"])


# --- glued words -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("line, token", [
    ("kata petugas sekuriti.Dikutip dari laman resmi", "sekuriti.Dikutip"),
    ("dan itu benar,” tuturnya.Tak lama kemudian", "tuturnya.Tak"),
    ("on Wednesday.The company said", "Wednesday.The"),
    ("kata dia.”Kami akan datang", "dia.”Kami"),
    ("ini “luar biasa”.Setelah itu", "biasa”.Setelah"),
    ("Benarkah?Ternyata tidak", "Benarkah?Ternyata"),
    ("(ANTARA).Foto oleh", "(ANTARA).Foto"),
    ("hebat!Penonton bersorak", "hebat!Penonton"),
])
def test_glued_words_found(line, token):
    assert S.glued_words(line) == [token]


@pytest.mark.parametrize("line", [
    "JAKARTA, KOMPAS.com - Presiden",
    "dikutip dari Kompas.com dan detik.Com hari ini",
    "dari Liputan6.com, Jakarta",
    "the U.S. Army and U.S.A.",
    "he holds a Ph.D from MIT",
    "Hier z.B. Daten und (z.B. Namen), e.g.The",
    "di Jl.Sudirman nomor 5",
    "lihat https://www.Example.com/Path?Q=A dan www.Site.Com",
    "kirim ke redaksi@Kompas.Com",
    "harga Rp2.000.000 per kilo. Kemudian",
    "Kalimat biasa. Kalimat berikut.",
    "nilai 3.5 dari 10",
    "Rabu, 04/11/2015 09:36 WIB Brrr...Potret Desa Terdingin",
    "tunggu…Lalu dan Apa?!Tidak",
    "",
])
def test_glued_words_not_found(line):
    assert S.glued_words(line) == []


def test_glued_words_counts_each_token_once():
    assert S.glued_words("satu.Dua.Tiga empat.Lima") == ["satu.Dua.Tiga", "empat.Lima"]


# --- title affixes ---------------------------------------------------------------------------------------


def test_registrable_name():
    assert S.registrable_name("http://regional.kompas.com/read/2015/11/04/x") == "kompas"
    assert S.registrable_name("https://www.tempo.co.id/a") == "tempo"
    assert S.registrable_name("https://techcrunch.com/2019/x") == "techcrunch"
    assert S.registrable_name(None) is None
    assert S.registrable_name("localhost") is None


def test_site_names_from_meta_and_host():
    page = '<meta property="og:site_name" content="KOMPAS.com"><meta name="twitter:site" content="@kompascom">'
    assert S.site_names(page, "http://nasional.kompas.com/read/x") == {"KOMPAS.com", "kompascom", "kompas"}


@pytest.mark.parametrize("title, url, affix", [
    ('Menteri Yuddy Ancam PNS - Kompas.com', "http://nasional.kompas.com/read/x", "Kompas.com"),
    ("Polres Lhokseumawe Serahkan Anggota - Kompas.com Regional", "http://regional.kompas.com/r",
     "Kompas.com Regional"),
    ("London Love Story Tembus 800 Ribu Penonton | Liputan6", "http://showbiz.liputan6.com/read/1", "Liputan6"),
    ("KapanLagi.com: Brandon Salim Makin Dekat", "http://www.kapanlagi.com/showbiz/x", "KapanLagi.com"),
    ("Saat pengadilan pertemukan Brotoseno - ANTARA News", "http://www.antaranews.com/berita/1", "ANTARA News"),
    ("Startup raises $10M - TechCrunch", "https://techcrunch.com/2019/x", "TechCrunch"),
    ("Berita hari ini - Suara.com", "https://www.example.org/x", "Suara.com"),
    ("The Space Review: Seeking a bigger role", "https://www.thespacereview.com/article/1", "The Space Review"),
    ("LinkNaija | Nollywood actress speaks", "https://www.linknaija.com/x", "LinkNaija"),
])
def test_title_affix_found(title, url, affix):
    assert S.title_affix(title, S.site_names("", url)) == affix


@pytest.mark.parametrize("title, url", [
    ("Tri Indonesia: Broadband Dorong Ekosistem Digital Dalam Negeri", "http://tekno.liputan6.com/read/1"),
    ("Samsul Arif Tak Beban Lawan Arema", "http://bola.kompas.com/read/1"),
    ("FOTO: Dian Sastrowardoyo Saat Berusia 13 Tahun", "http://www.kapanlagi.com/x"),
    ("Jokowi - Prabowo bertemu di Istana", "http://nasional.kompas.com/read/1"),
    ("The Guardian view on Hong Kong: a city on the brink | Editorial", "https://www.theguardian.com/x"),
    ("9to5Mac Gift Guide: What do you buy", "https://9to5mac.com/x"),
    (None, "http://nasional.kompas.com/read/1"),
])
def test_title_affix_not_found(title, url):
    assert S.title_affix(title, S.site_names("", url)) is None


# --- authors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("author, problem", [
    ("By Tom Krisher", "role"),
    ("AP Auto Writer", "role"),
    ("Staff Writer", "role"),
    ("Reporter", "role"),
    ("Editor: Iskandar", "role"),
    ("Oleh Andi", "role"),
    ("Kompas.com", "outlet"),
    ("Tim Redaksi", "outlet"),
    ("Liputan6", "outlet"),
    ("fyk", "code"),
    ("ABC", "code"),
    ("fyk/ash", "code"),
    ("(fyk/ash)", "code"),
])
def test_author_problem(author, problem):
    assert S.author_problem(author, {"liputan6", "kompas"}) == problem


@pytest.mark.parametrize("author", ["Corry Anestia", "B Kunto Wibisono", "Budi", "Tim Cook", "Byron Tau",
                                    "Sarah E. Needleman", "Ana Ratna"])
def test_author_is_a_name(author):
    assert S.author_problem(author, {"liputan6", "wsj", "antaranews"}) is None


# --- tags and times --------------------------------------------------------------------------------------


def test_soup_tags():
    assert S.soup_tags(["main", "di", "film", "Yang", "brandon", "berita terkini"]) == ["main", "di", "Yang"]
    assert S.soup_tags(["Konflik Rusia vs Ukraina"]) == []


@pytest.mark.parametrize("page", [
    '<meta property="article:published_time" content="2016-02-16T14:38:00+07:00">',
    '<meta name="pubdate" content="2015-11-05 T10:08:58Z">',
    '<script type="application/ld+json">{"@graph": [{"datePublished": "2016-02-16T02:10:56Z"}]}</script>',
    '<time itemprop="datePublished" datetime="2019-11-19T05:30:00-05:00">Nov 19</time>',
    "<div>Selasa, 16 Februari 2016 | 14:38 WIB</div>",
    "<span>Kamis, 05/11/2015 09.12 WIB</span>",
    "<p>Kamis, 05 November 2015 11:52 | Brandon</p>",
    "<p>Updated Feb 16, 2016 2:10 AM ET</p>",
])
def test_published_time_evidence_found(page):
    assert S.published_time_evidence(page)


@pytest.mark.parametrize("page", [
    '<meta property="article:published_time" content="2016-02-16">',
    '<meta property="article:published_time" content="2016-02-16T00:00:00+07:00">',
    "<p>Selasa, 16 Februari 2016</p><p>Skor 2-1 di menit 90</p>",
    "<script>var t = '14:38 WIB';</script>",
])
def test_published_time_evidence_not_found(page):
    assert S.published_time_evidence(page) is None


def test_has_time():
    assert S.has_time("2024-10-11T15:32:00+07:00")
    assert not S.has_time("2024-10-11")
    assert not S.has_time(None)


def test_labelled_tags():
    tags = ["News:", "Editor:B Kunto Wibisono", "Tekno:Telko", "brotoseno", "Category: Jupiter",
            "Michigan Officials: 6th Fatality Reported", "Devils 1: David Pastrnak"]
    assert S.labelled_tags(tags) == ["News:", "Editor:B Kunto Wibisono", "Tekno:Telko", "Category: Jupiter"]


# --- fixture discovery -----------------------------------------------------------------------------------


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")
    return path


def test_fixture_pairs_today(tmp_path):
    page = _touch(tmp_path / "fixtures" / "html" / "s03_medcom_mobile.html")
    expected = _touch(tmp_path / "fixtures" / "expected" / "s03_medcom_mobile.json")
    _touch(tmp_path / "fixtures" / "html" / "no_expectation.html")
    _touch(tmp_path / "fixtures" / "sites" / "www.medcom.id" / "index.html")
    assert S.fixture_pairs(tmp_path) == [(page, expected)]


def test_fixture_pairs_per_site_layout(tmp_path):
    page = _touch(tmp_path / "cleaners" / "sites" / "medcom" / "fixtures" / "mobile.html")
    expected = _touch(tmp_path / "cleaners" / "sites" / "medcom" / "fixtures" / "mobile.json")
    _touch(tmp_path / "cleaners" / "sites" / "medcom" / "fixtures" / "orphan.html")
    assert S.fixture_pairs(tmp_path) == [(page, expected)]


def test_a_join_the_page_itself_has_is_the_pages():
    html = "<p>Dia menjelaskan modus mereka.&quot;Tawaran itu</p><p>Kalimat pertama.</p><p>Kalimat kedua</p>"
    glued = S.glued_words('Dia menjelaskan modus mereka."Tawaran itu Kalimat pertama.Kalimat kedua')
    assert glued == ['mereka."Tawaran', "pertama.Kalimat"]
    assert S.split_glued(glued, html) == (["pertama.Kalimat"], ['mereka."Tawaran'])
    assert S.split_glued(glued, None) == (glued, [])
