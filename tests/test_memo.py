"""Per-page caches: emptied at the start of every page, so they hold one page's texts, never a run's."""

from __future__ import annotations

from pathlib import Path

from cleaners import clean, clean_text
from cleaners.memo import new_page, per_page
from cleaners.paths.generic import paragraph_value
from cleaners.recognise.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(ROOT.glob("cleaners/sites/*/fixtures/*.html"))[:3]


def test_per_page_caches_and_new_page_empties_it():
    calls = []

    @per_page(maxsize=16)
    def doubled(x: int) -> int:
        calls.append(x)
        return 2 * x

    assert [doubled(2), doubled(2), doubled(3)] == [4, 4, 6]
    assert calls == [2, 3]
    new_page()
    assert doubled.cache_info().currsize == 0
    assert doubled(2) == 4 and calls == [2, 3, 2]


def _sizes() -> tuple[int, int]:
    return paragraph_value.cache_info().currsize, fold.cache_info().currsize


def test_each_page_starts_with_empty_caches():
    assert len(PAGES) == 3
    alone = []
    for page in PAGES:
        new_page()
        clean(page.read_bytes())
        alone.append(_sizes())
    assert all(f > 0 for _, f in alone)  # the pages do use them
    for page, expected in zip(PAGES, alone, strict=True):  # one after the other: what each page alone leaves
        clean(page.read_bytes())
        assert _sizes() == expected


def test_the_text_path_starts_with_empty_caches_too():
    text = "Judul berita\n\nSatu kalimat saja di halaman ini, cukup panjang untuk dibaca.\n\nBaca juga: lainnya"
    new_page()
    clean_text(text)
    alone = fold.cache_info().currsize
    fold("a line that is not on the page")
    fold("another one")
    clean_text(text)
    assert fold.cache_info().currsize == alone
