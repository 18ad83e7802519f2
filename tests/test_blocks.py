"""HTML laid out as lines (`cleaners.dom.blocks`): what ends a line, what flows inside one, what is never
text, and the split around the body container."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from cleaners.dom.blocks import element_lines, split_lines


def _page(markup: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><body>{markup}</body></html>")


def test_blocks_and_br_end_lines_inline_elements_flow():
    page = _page("<div>Satu <b>dua</b> <a href='#'>tiga</a><br>empat<p>lima</p>enam <span>tujuh</span></div>")
    assert element_lines(page) == ["Satu dua tiga", "empat", "lima", "enam tujuh"]


def test_skipped_elements_give_no_text_but_their_tails_stay():
    page = _page("<p>a<script>var x;</script>b<button>Tombol</button> c<iframe></iframe></p><style>p{}</style>d")
    assert element_lines(page) == ["ab c", "d"]


def test_table_cells_of_a_row_share_a_line_and_white_space_collapses():
    page = _page("<table><tr><td>Penulis</td><td>: Nama\n  Orang</td></tr><tr><th>x</th></tr></table>")
    assert element_lines(page) == ["Penulis : Nama Orang", "x"]


def test_comments_and_processing_instructions_are_not_text_but_their_tails_are():
    parser = lxml_html.HTMLParser(remove_comments=False)
    page = lxml_html.fromstring("<html><body><p>a<!-- iklan -->b</p><p><?pi x?>c</p></body></html>", parser=parser)
    assert any(isinstance(e, etree._Comment) for e in page.iter())
    assert element_lines(page) == ["ab", "c"]


def test_split_lines_around_a_block_container():
    page = _page("<h1>Judul</h1>awal<div id='isi'><p>Satu.</p>Dua.</div>akhir<p>Tag: a</p>")
    inner = page.get_element_by_id("isi")
    assert split_lines(page, inner) == (["Judul", "awal"], ["Satu.", "Dua."], ["akhir", "Tag: a"])


def test_split_lines_around_an_inline_container_and_a_missing_one():
    page = _page("<p>sebelum <span id='isi'>isi <b>tebal</b></span> sesudah</p><p>lagi</p>")
    inner = page.get_element_by_id("isi")
    assert split_lines(page, inner) == (["sebelum"], ["isi tebal"], ["sesudah", "lagi"])
    # A container inside a skipped element is never entered: everything is "before".
    page = _page("<p>x</p><noscript><div id='isi'>y</div></noscript><p>z</p>")
    assert split_lines(page, page.get_element_by_id("isi")) == (["x", "z"], [], [])
