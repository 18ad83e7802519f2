"""HTML pages of the four families (the five real articles in their templates, and synthetic pages of the
other templates): profiles give the expected records; layout changes fall back to the generic path, loudly."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from lxml import html as lxml_html

from cleaners import clean, clean_html, page_links
from cleaners.sites import PROFILES

from .conftest import COMPARED, FIXTURES, load_expected, page, paragraphs, run_saring

REAL = [e for e in load_expected("html") if not e.get("synthetic")]
#: The pages that carry one of the five shared articles (the other real pages are a family's own).
SHARED_ARTICLES = [e for e in REAL if e.get("text_fixture")]


def assert_matches(record: dict, expected: dict) -> None:
    for name in COMPARED:
        assert record[name] == expected[name], name
    assert paragraphs(record["body"]) == paragraphs(expected["body"])


def test_every_family_has_versioned_fixtures():
    """Each family's folder holds <template>_v<N>[_<n>].html pages with expected JSON of that family."""
    fixtures = load_expected("html")
    assert {e["stem"].split("/")[0] for e in fixtures} == {p.name for p in PROFILES}
    for expected in fixtures:
        family, name = expected["stem"].split("/")
        assert re.fullmatch(r"[a-z]+_v\d+(_\w+)?", name), expected["stem"]
        assert expected["site"] == family, expected["stem"]
    # The five shared articles each stand in their template, with the shared expected record.
    assert sorted(e["text_fixture"] for e in SHARED_ARTICLES) == sorted(e["fixture"] for e in load_expected("text"))
    shared = {e["fixture"]: e for e in load_expected("text")}
    for expected in SHARED_ARTICLES:
        original = shared[expected["text_fixture"]]
        assert {k: expected[k] for k in (*COMPARED, "url", "body")} == {k: original[k] for k in (*COMPARED, "url", "body")}


def test_profile_gives_expected_record(expected_html):
    record = clean_html(page(expected_html["stem"]), expected_html["url"]).to_dict()
    assert record["extractor"] == f"profile:{expected_html['site']}"
    assert record["warnings"] == []
    assert record["url"] == expected_html["url"]
    assert_matches(record, expected_html)


@pytest.mark.parametrize("expected", REAL, ids=lambda e: e["stem"])
def test_real_pages_without_url(expected):
    record = clean_html(page(expected["stem"]), None).to_dict()
    assert record["url"] is None
    assert_matches(record, expected)


@pytest.mark.parametrize("expected", REAL, ids=lambda e: e["stem"])
def test_bytes_through_clean(expected):
    data = expected["path"].read_bytes()
    assert_matches(clean(data, expected["url"]).to_dict(), expected)


def _visible_text(html: str) -> str:
    tree = lxml_html.fromstring(html)
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    return re.sub(r"\s+", "", "".join(tree.itertext()))


@pytest.mark.parametrize("expected", SHARED_ARTICLES, ids=lambda e: e["stem"])
def test_every_text_line_is_on_the_page(expected):
    """The HTML page holds every line of its text fixture (ignoring white space; a text tool renders table
    rows as "title |" and "---|")."""
    visible = _visible_text(page(expected["stem"]))
    for line in (FIXTURES / "text" / expected["text_fixture"]).read_text(encoding="utf-8").splitlines():
        squeezed = re.sub(r"\s+", "", line.replace("\u00a0", " ")).rstrip("|").strip("-")
        if squeezed:
            assert squeezed in visible, line


@pytest.mark.parametrize("expected", load_expected("html"), ids=lambda e: e["stem"])
def test_pages_are_mostly_not_article(expected):
    html = page(expected["stem"])
    assert len(html) > 12_000
    assert len("\n\n".join(expected["body"])) < len(html) / 4


def test_layout_change_falls_back_to_generic_with_warning():
    url = "https://www.kompas.tv/nasional/551234/sidang-lanjutan-kasus-korupsi-tol-digelar-hari-ini-di-pengadilan-tipikor"
    html = page("kompastv/desktop_v1").replace('class="article__body"', 'class="content-body-v2"')
    article = clean_html(html, url)
    assert article.extractor == "generic" and article.site == "kompastv"
    assert any("body selector matched nothing" in w for w in article.warnings)
    assert "Jaksa menghadirkan lima saksi dari pihak kontraktor pelaksana proyek." in article.paragraphs


def test_body_far_shorter_than_json_ld_falls_back():
    expected = next(e for e in load_expected("html") if e["stem"] == "tribunnews/amp_v1")
    full_body = " ".join(expected["body"])
    # The layout moved most paragraphs out of the body container; JSON-LD still has the whole article.
    html = page("tribunnews/amp_v1")
    last = expected["body"][-1]
    html = html.replace(f"<p>{last}</p>", "").replace("</div>\n</div></div>", f"</div><p>{last}</p>\n</div></div>", 1)
    for text in expected["body"][1:3]:
        html = html.replace(f"<p>{text}</p>", "")
        html = html.replace("</article>", f"<section><p>{text}</p></section></article>")
    html = html.replace('"headline":', f'"articleBody": {json.dumps(full_body)}, "headline":', 1)
    article = clean_html(html, expected["url"])
    assert article.extractor == "generic"
    assert any("far shorter than JSON-LD articleBody" in w for w in article.warnings)


def test_family_recognised_from_html_without_any_url():
    for stem, family in (("medcom/mobile_v1", "medcom"), ("kompastv/amp_v1_2", "kompastv"),
                         ("jatimtimes/amp_v1_2", "jatimtimes"), ("tribunnews/amp_v1", "tribunnews")):
        html = re.sub(r'<(meta property="og:url"|link rel="canonical")[^>]*>', "", page(stem))
        assert clean_html(html).site == family, stem


def test_unknown_site_html_is_generic():
    html = page("kompastv/desktop_v1").replace("kompas.tv", "example.org").replace("KompasTV", "Contoh")
    html = html.replace("KOMPAS.TV", "CONTOH").replace("Kompas TV", "Contoh").replace("Kompas.tv", "Contoh")
    article = clean_html(html, "https://example.org/nasional/1/judul")
    assert article.site is None and article.extractor == "generic"
    assert "Jaksa menghadirkan lima saksi dari pihak kontraktor pelaksana proyek." in article.paragraphs


def test_tribun_pagination_links():
    base = "https://jateng.tribunnews.com/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
    first = page_links(page("tribunnews/desktop_v1_paged1"), base + "?page=1")
    assert first.next_url == base + "?page=2"
    assert first.total_pages == 3
    assert first.all_pages_url == base + "?page=all"
    last = page_links(page("tribunnews/desktop_v1_paged3"), base + "?page=3")
    assert last.next_url is None and last.total_pages == 3
    single = page_links(page("tribunnews/desktop_v1_pagedall"), base + "?page=all")
    assert single.next_url is None and single.total_pages is None
    assert page_links(page("medcom/www_v1_2"), "https://www.medcom.id/nasional/hukum/Dkq7vRmN-x").next_url is None


def test_jatimtimes_canonical_ignores_rel_canonical():
    expected = next(e for e in REAL if e["site"] == "jatimtimes")
    record = clean_html(page(expected["stem"]), None).to_dict()
    assert record["canonical_url"] == "https://jatimtimes.com/baca/324990"


def test_saring_clean_on_html_directory(tmp_path):
    pages, urls = tmp_path / "pages", tmp_path / "urls.tsv"
    pages.mkdir()
    for expected in load_expected("html"):
        shutil.copy(expected["path"], pages / (expected["stem"].replace("/", "_") + ".html"))
    urls.write_text("".join(f"{e['stem'].replace('/', '_')}.html\t{e['url']}\n" for e in load_expected("html")
                            if e["url"]))
    result = run_saring("clean", str(pages), "--urls", str(urls))
    assert result.returncode == 0, result.stderr
    records = {r["input"].rsplit("/", 1)[-1]: r for r in map(json.loads, result.stdout.splitlines())}
    assert len(records) == len(load_expected("html"))
    for expected in load_expected("html"):
        assert_matches(records[expected["stem"].replace("/", "_") + ".html"], expected)
