"""Bad input gives clear one-line error records; the run goes on and other inputs are still cleaned."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from cleaners import clean
from cleaners.decode import NotText, decode_bytes

from .conftest import FIXTURES, ROOT, run_saring

GOOD = FIXTURES / "text" / "004_69ee16c09114b4dc.txt"


def records_by_name(stdout: str) -> dict[str, dict]:
    return {Path(r["input"]).name: r for r in map(json.loads, stdout.splitlines())}


def assert_error_record(record: dict) -> None:
    assert record["error"] and "\n" not in record["error"]
    assert record["body"] == "" and record["title"] is None and record["authors"] == []


def test_bad_files_among_good_ones(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "c_garbage.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "d_good.txt").write_bytes(GOOD.read_bytes())
    result = run_saring("clean", str(tmp_path))
    assert result.returncode == 1
    records = records_by_name(result.stdout)
    for name in ("a_empty.txt", "b_blank.txt", "c_garbage.html"):
        assert_error_record(records[name])
    assert "empty input" in records["a_empty.txt"]["error"]
    assert "binary" in records["c_garbage.html"]["error"]
    assert "error" not in records["d_good.txt"] and records["d_good.txt"]["site"] == "kompastv"
    errors = [line for line in result.stderr.splitlines() if line.startswith("saring: ")]
    assert len(errors) == 3  # one line per bad input
    assert "1 ok, 3 failed" in result.stderr
    # A named input that does not exist is a usage error (issue 14; it used to be an error record on
    # standard output with exit status 1): one line, exit status 2, nothing written.
    missing = run_saring("clean", str(tmp_path), str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.strip() == f"saring clean: {tmp_path / 'missing.txt'}: no such file or directory"


def test_cp1252_and_latin1_bytes(tmp_path):
    cp1252 = ("Judul Berita Kafe yang Cukup Panjang Sekali\n"
              "Pengunjung kafe menyebut menu \u201cspesial\u201d itu seharga \u20ac5 \u2013 cukup murah.\n").encode("cp1252")
    latin1 = ('<html><head><meta charset="iso-8859-1"><title>Berita Caf\u00e9</title></head><body>'
              '<article><p>Pengunjung caf\u00e9 menikmati kopi \u00e0 la mode sambil membaca berita pagi.</p>'
              '<p>Pemilik caf\u00e9 berencana membuka cabang baru di kota lain tahun depan.</p></article>'
              '</body></html>').encode("latin-1")
    assert "\u201cspesial\u201d" in clean(cp1252).body
    assert "\u20ac5 \u2013 cukup" in clean(cp1252).body
    assert "caf\u00e9 menikmati kopi \u00e0 la mode" in clean(latin1).body
    (tmp_path / "cp.txt").write_bytes(cp1252)
    (tmp_path / "l1.html").write_bytes(latin1)
    result = run_saring("clean", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert all("error" not in r for r in records_by_name(result.stdout).values())


def test_decode_never_raises_on_text_bytes():
    sentence = b"Pengunjung kafe menikmati kopi sambil membaca berita pagi di pusat kota. " * 3
    # cp1252's five undefined bytes come through as latin-1, inside text that is otherwise readable ...
    assert decode_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d ok. " + sentence).startswith("caf\u00e9 \x81\x8d\x8f\x90\x9d ok.")
    # ... but text made mostly of control characters is not text (issue 10: cp037 garbage became articles)
    with pytest.raises(NotText):
        decode_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d ok")
    assert decode_bytes("teks".encode("utf-8-sig")) == "teks"
    assert decode_bytes("teks".encode("utf-16")) == "teks"
    with pytest.raises(NotText):
        decode_bytes(b"\x00\x01\x02binary")


def test_twenty_megabyte_single_line(tmp_path):
    words = ("presiden", "berita", "rusia", "ukraina", "korea", "utara", "militer", "pasukan")
    line = " ".join(words[i % 8] for i in range(3_000_000))[:20_000_000]
    big = tmp_path / "big.txt"
    big.write_text(line)
    result = run_saring("clean", str(big), str(GOOD))
    assert result.returncode == 0, result.stderr
    records = records_by_name(result.stdout)
    assert len(records["big.txt"]["body"]) == 20_000_000
    assert records["big.txt"]["title"] is None
    assert records[GOOD.name]["site"] == "kompastv"


def _run_cli_as_nobody(args: list[str]) -> int:
    """Run `saring` in a forked child that drops root, so the kernel really refuses the read.

    The interpreter lives under /root (mode 0700), so a fresh `nobody` process could not even start it;
    a fork of this already-loaded interpreter can.
    """
    # Load lazily imported modules and langdetect's profiles while still root (the stdlib is under /root).
    import concurrent.futures.process  # noqa: F401
    import multiprocessing.synchronize  # noqa: F401

    import tqdm  # noqa: F401

    from crawler.cli import main

    clean(GOOD.read_bytes())
    pid = os.fork()
    if pid == 0:  # child
        code = 99
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            code = main(args)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_directory_without_permission():
    base = Path(tempfile.mkdtemp(prefix="saring-perm-"))
    try:
        (base / "locked").mkdir()
        shutil.copy(GOOD, base / "locked" / "x.txt")
        shutil.copy(GOOD, base / "ok.txt")
        os.chmod(base / "locked", 0)
        os.chmod(base, 0o755)
        os.chmod(base / "ok.txt", 0o644)
        outdir = base / "out"
        outdir.mkdir(mode=0o777)
        os.chmod(outdir, 0o777)
        out = outdir / "records.jsonl"
        if os.geteuid() == 0:
            # One process: a worker pool would import more of the stdlib, which lives under /root.
            code = _run_cli_as_nobody(["clean", "-j", "1", str(base / "locked"), str(base / "ok.txt"), "-o", str(out)])
        else:
            code = run_saring("clean", str(base / "locked"), str(base / "ok.txt"), "-o", str(out)).returncode
        assert code == 1
        records = [json.loads(x) for x in out.read_text().splitlines()]
        errors = [r for r in records if "error" in r]
        assert len(errors) == 1 and "locked" in errors[0]["input"]
        assert "permission denied" in errors[0]["error"].lower()
        assert any(r["input"].endswith("ok.txt") and "error" not in r for r in records)
    finally:
        os.chmod(base / "locked", 0o755)
        shutil.rmtree(base)


def test_utf8_garbage_is_counted_on_the_bytes_as_on_the_text():
    """decode_bytes counts control and replacement characters of a UTF-8 page on its bytes: the same count
    as the pattern finds in the decoded text, for every such character and its neighbours."""
    import gzip

    from cleaners.decode import _GARBAGE, utf8_garbage_count

    chars = [chr(c) for c in (*range(0x00, 0x30), *range(0x7E, 0xC0), 0xFFFC, 0xFFFD, 0xFFFE, 0x2028, 0x1F600)]
    texts = ["".join(chars), "".join(chars) * 3 + "teks biasa é €", "", "ascii only\t\n", "\ufffd\ufffd"]
    zyte = ROOT.parent / "shared" / "bench" / "zyte" / "html"
    texts += [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(zyte.glob("*.gz"))[:40]]
    for text in texts:
        assert utf8_garbage_count(text.encode("utf-8")) == len(_GARBAGE.findall(text))


def test_utf8_pages_pass_or_fail_the_garbage_share_as_by_the_full_count():
    """decode_bytes skips counting C1 controls and U+FFFD on a UTF-8 page that has too few multi-byte
    characters to hold a garbage share; the answer is the full count's, on either side of the share (texts
    mostly ASCII, with controls, C1 controls, U+FFFD and other multi-byte characters in random shares)."""
    import random
    from collections import Counter

    from cleaners.decode import _GARBAGE, _GARBAGE_BYTES, GARBAGE_SHARE, NotText, decode_bytes

    rng = random.Random(7)
    pool = ["a", " ", "\n", "\t", "\x01", "\x7f", "\x85", "\x9f", "\xa0", "é", "\ufffd", "€", "\u4e2d", "\U0001f600"]
    seen: Counter = Counter()
    for _ in range(3000):
        weights = [rng.random() * 60, rng.random() * 10] + [rng.random() ** 3 for _ in pool[2:]]
        text = "".join(rng.choices(pool, weights, k=rng.randint(1, 400)))
        data = text.encode("utf-8")
        controls = sum(1 for c in data[:8192] if c < 32 and not 9 <= c <= 13)
        if b"\x00" in data or controls / len(data[:8192]) > 0.05:
            continue  # refused as binary before any decoding
        garbage = len(_GARBAGE.findall(text)) / len(text) > GARBAGE_SHARE
        uncounted = len(data) - len(data.translate(None, _GARBAGE_BYTES)) + len(data) - len(text) \
            <= GARBAGE_SHARE * len(text)
        seen[garbage, uncounted] += 1
        try:
            assert decode_bytes(data) == text and not garbage
        except NotText:
            assert garbage
    assert min(seen[False, True], seen[False, False], seen[True, False]) > 300, seen


def _strings(value):
    """Every str in a record (its fields, list items, nested values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _strings(item)


def test_control_characters_never_reach_a_text_record():
    """A page text handed over as str (the Python API) may hold NUL and other C0
    controls: they are deleted as the HTML path deletes them, so that no record field holds one (SQLite's
    text functions stop at a NUL, PostgreSQL refuses it). The controls that break a line (form feed,
    vertical tab, U+001C-U+001E) still break it; tabs and line ends are untouched."""
    from cleaners import clean, clean_text
    from cleaners.recognise import without_controls

    controls = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1C))) + "\ufffe\uffff"
    assert without_controls(f"a{controls}b") == "ab"
    kept = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x7f\x85 teks"
    assert without_controls(kept) is kept
    page = ("Banjir rob genangi pantura\x00 Semarang\n\n"
            "Ribuan warga\x01 mengungsi setelah banjir rob menggenangi kawasan pantura Semarang sejak pagi hari.\n\n"
            "Petugas\x08 gabungan mengevakuasi warga lanjut usia dan anak-anak ke tempat pengungsian terdekat.\x0c"
            "Halaman kedua: pemerintah kota menyiapkan dapur umum dan layanan kesehatan di tiga lokasi pengungsian.\n")
    for record in (clean_text(page).to_dict(), clean(page).to_dict()):
        assert not any(ch in text for text in _strings(record) for ch in controls), record
        body = record["body"]
        assert "Ribuan warga mengungsi" in body and "Petugas gabungan" in body
        # the form feed still ends a paragraph: the next page's text is a paragraph of its own
        assert "\n\nHalaman kedua: pemerintah kota" in body, body


def test_control_characters_from_json_ld_or_character_references_never_reach_a_record():
    """A `\\u0000` escape in the page's JSON-LD (json.loads makes it a NUL) and character references such as
    `&#1;` (lxml makes them controls) are deleted from every field of the record; texts without one are kept
    as they are."""
    from cleaners import clean_html

    ld = ('{"@type": "NewsArticle", "headline": "Banjir rob\\u0000 genangi pantura", '
          '"author": [{"name": "Budi\\u0000 Santoso"}, {"name": "Budi Santoso"}], "keywords": "banjir\\u0000,banjir,rob", '
          '"datePublished": "2024-11-05T10:00:00+07:00"}')
    paragraph = ("Ribuan warga mengungsi setelah banjir rob menggenangi kawasan pantura Semarang sejak pagi hari "
                 "ini, kata petugas.")
    page = (f'<html lang="id"><head><title>Banjir&#1; rob genangi pantura</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><article><h1>Banjir rob&#2; genangi '
            f'pantura</h1><p>{paragraph}&#7;</p><p>Petugas&#3; gabungan mengevakuasi warga lanjut usia dan '
            f'anak-anak ke tempat pengungsian terdekat di balai desa.</p><p>{paragraph}</p></article></body></html>')
    record = clean_html(page, "https://news.example.id/2024/11/05/banjir").to_dict()

    bad = [t for t in _strings(record) if any(ord(c) < 32 and c not in "\t\n\r" or c in "\ufffe\uffff" for c in t)]
    assert not bad, bad
    # the deletion comes before deduplication: a name, a tag or a paragraph that differed only by a control
    # is the same one
    assert record["authors"] == ["Budi Santoso"] and record["tags"] == ["banjir", "rob"], record
    assert "Petugas gabungan" in record["body"] and record["body"].count(paragraph) == 1, record["body"]
