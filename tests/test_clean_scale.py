"""`saring clean` at scale: every input kind, parallel workers, txt output, resume after a kill, bad input."""

from __future__ import annotations

import fcntl
import gzip
import io
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.batch.output import safe_name

from .conftest import COMPARED, FIXTURES, ROOT, load_expected, paragraphs, run_saring

HTML_PAGES = [e for e in load_expected("html") if e["url"]]


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def assert_matches(record: dict, expected: dict) -> None:
    for name in COMPARED:
        assert record[name] == expected[name], name
    assert paragraphs(record["body"]) == paragraphs(expected["body"])


def write_warc(path: Path, pages: list[dict], gz: bool = True) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for expected in pages:
            body = expected["path"].read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://x.example/req", "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(writer.create_warc_record(expected["url"], "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/a.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                                                      http_headers=image))


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records_with_target_uri(tmp_path, gz):
    warc = tmp_path / ("pages.warc.gz" if gz else "pages.warc")
    write_warc(warc, HTML_PAGES[:4], gz=gz)
    result = run_saring("clean", "-j", "2", str(warc))
    assert result.returncode == 0, result.stderr
    found = records(result.stdout)
    assert [r["input"] for r in found] == [f"{warc}#{n}" for n in range(1, 5)]  # the image record is skipped
    for record, expected in zip(found, HTML_PAGES[:4], strict=True):
        assert record["url"] == expected["url"]
        assert_matches(record, expected)


def test_truncated_warc_keeps_what_came_before(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, HTML_PAGES[:3])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    result = run_saring("clean", "-j", "1", str(cut), str(FIXTURES / "text" / "004_69ee16c09114b4dc.txt"))
    assert result.returncode == 1
    found = records(result.stdout)
    assert "error" not in found[0] and found[0]["url"] == HTML_PAGES[0]["url"]
    broken = [r for r in found if "error" in r]
    assert len(broken) == 1 and "\n" not in broken[0]["error"]
    assert "truncated" in broken[0]["error"] or "archive broken" in broken[0]["error"]
    assert found[-1]["site"] == "kompastv"  # the next input is still cleaned


def test_jsonl_html_text_and_url(tmp_path):
    text = (FIXTURES / "text" / "004_69ee16c09114b4dc.txt").read_text(encoding="utf-8")
    expected_text = next(e for e in load_expected("text") if e["fixture"].startswith("004_"))
    page = HTML_PAGES[0]
    lines = [
        json.dumps({"html": page["path"].read_text(encoding="utf-8"), "url": page["url"]}),
        json.dumps({"text": text, "url": expected_text["url"]}),
        "{not json",
        json.dumps({"url": "https://x.example/no-content"}),
        json.dumps({"html": ""}),
        "",
        json.dumps(["a", "list"]),
    ]
    source = tmp_path / "dump.jsonl.gz"
    source.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    result = run_saring("clean", str(source))
    assert result.returncode == 1
    found = {r["input"].rsplit("#", 1)[1]: r for r in records(result.stdout)}
    assert_matches(found["1"], page)
    assert_matches(found["2"], expected_text)
    assert "not a JSON object" in found["3"]["error"]
    assert "no 'html' or 'text' field" in found["4"]["error"] and found["4"]["url"] == "https://x.example/no-content"
    assert "empty input" in found["5"]["error"]
    assert "not a JSON object" in found["7"]["error"]
    assert "6" not in found  # blank lines are not documents


def test_gzipped_pages_and_stdin(tmp_path):
    page = HTML_PAGES[1]
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page["path"].read_bytes()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"\x1f\x8b broken"))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<html>" * 1000)[:40])  # truncated
    urls = tmp_path / "urls.tsv"
    urls.write_text(f"a.html.gz\t{page['url']}\n")
    result = run_saring("clean", str(tmp_path), "--urls", str(urls))
    found = {Path(r["input"]).name: r for r in records(result.stdout)}
    assert_matches(found["a.html.gz"], page)
    assert "error" in found["c.html.gz"]
    text = (FIXTURES / "text" / "001_a373cb1957e14108.txt").read_bytes()
    piped = subprocess.run([sys.executable, "-m", "crawler.cli", "clean", "-", "--url",
                            "https://www.medcom.id/x/y/nbwo3q5b-z"], input=text, capture_output=True, cwd=ROOT,
                           env=dict(os.environ, PYTHONPATH=str(ROOT)))
    (record,) = records(piped.stdout.decode())
    assert record["input"] == "-" and record["site"] == "medcom"


def test_parallel_output_equals_serial_in_order(tmp_path):
    pages = [str(e["path"]) for e in load_expected("html")]
    serial = run_saring("clean", "-j", "1", *pages, str(FIXTURES / "text"))
    parallel = run_saring("clean", "-j", "2", *pages, str(FIXTURES / "text"))
    strip = [{k: v for k, v in r.items() if k != "warnings"} for r in records(serial.stdout)]
    assert strip == [{k: v for k, v in r.items() if k != "warnings"} for r in records(parallel.stdout)]
    assert len(strip) == len(pages) + 5


def test_txt_output_names_are_safe(tmp_path):
    source = tmp_path / "dump.jsonl"
    page = HTML_PAGES[2]
    html = page["path"].read_text(encoding="utf-8")
    source.write_text(json.dumps({"html": html, "url": "../../../../etc/passwd"}) + "\n"
                      + json.dumps({"html": html, "url": page["url"]}) + "\n")
    out = tmp_path / "txt"
    result = run_saring("clean", str(source), "--format", "txt", "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.txt"))
    assert len(files) == 2 and all(f.parent == out for f in files)
    assert files[0].read_text(encoding="utf-8").splitlines()[0] == page["title"]
    for hostile in ("../../etc/passwd", "/abs/path#1", "..", "a/../../b#7", "\u0000x"):
        name = safe_name(hostile)
        assert "/" not in name and not name.startswith(".") and name.endswith(".txt")


def test_bad_documents_each_give_an_error(tmp_path):
    (tmp_path / "undecodable.txt").write_bytes(b"Judul Berita yang Panjang Sekali Ini\n" + b"\xff\xfe\xfa" * 30
                                               + b"\nParagraf berita yang cukup panjang untuk dibaca sampai akhir.\n")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    (tmp_path / "huge.html").write_bytes(b"<html><body><p>" + b"kata " * (11 * 1024 * 1024) + b"</p></body></html>")
    (tmp_path / "deep.html").write_bytes(b"<html><body>" + b"<div>" * 10_000 + b"<p>isi berita</p>"
                                         + b"</div>" * 10_000 + b"</body></html>")
    (tmp_path / "empty.html").write_bytes(b"")
    result = run_saring("clean", "-j", "2", str(tmp_path))
    assert result.returncode == 1
    found = {Path(r["input"]).name: r for r in records(result.stdout)}
    assert "error" not in found["undecodable.txt"]  # decoded with the fallback, cleaned
    assert "binary" in found["image.html"]["error"]
    assert "over the" in found["huge.html"]["error"] and "MB limit" in found["huge.html"]["error"]
    assert "error" in found["deep.html"]
    assert "empty input" in found["empty.html"]["error"]
    for record in found.values():
        assert "\n" not in record.get("error", "")


def test_per_document_time_limit(tmp_path):
    page = tmp_path / "slow.html"
    page.write_bytes(b"<html><body>" + b"<p>kalimat berita yang panjang. </p>" * 40_000 + b"</body></html>")
    result = run_saring("clean", "-j", "1", "--timeout", "0.05", str(page))
    (record,) = records(result.stdout)
    assert "took longer than 0.05 s" in record["error"]


def _running(pid: str) -> bool:
    """Alive and not a zombie waiting for init to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_resume_after_kill_has_every_input_once(tmp_path):
    source = tmp_path / "many.jsonl"
    text = (FIXTURES / "text" / "004_69ee16c09114b4dc.txt").read_text(encoding="utf-8")
    with source.open("w") as handle:
        for n in range(400):
            handle.write(json.dumps({"text": text.replace("Rusia", f"Rusia{n}")}) + "\n")
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "crawler.cli", "clean", "-j", "2", str(source), "-o", str(out)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 40):
        time.sleep(0.05)
    workers = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(0.5)
    assert workers and not [w for w in workers if _running(w)], "workers outlived the killed run"
    written = out.read_bytes().count(b"\n")
    assert 40 <= written < 400
    with out.open("ab") as handle:  # as if the kill had torn the last line mid-write
        handle.write(b'{"input": "torn')
    result = subprocess.run(command + ["--resume"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{written} skipped" in result.stderr
    inputs = [json.loads(line)["input"] for line in out.read_text().splitlines()]
    assert sorted(inputs) == sorted(f"{source}#{n}" for n in range(1, 401))


def test_progress_bar_on_a_terminal_only(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "crawler.cli", "clean", "-j", "1", str(FIXTURES / "text"), "-o",
               str(tmp_path / "o.jsonl")]
    quiet = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert "doc/s" not in quiet.stderr and "5 ok" in quiet.stderr
    primary, secondary = pty.openpty()
    # A terminal has a width (a new pty has 0 columns, where tqdm draws an empty bar).
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait()
    os.close(primary)
    # The bar itself (tqdm's "doc/s"), not the summary's rate (which a run of 5 documents no longer prints).
    assert b"doc/s" in shown and b"5 ok" in shown


def test_merge_pages_joins_a_split_article_in_a_dump(tmp_path):
    """`--merge-pages`: the pages of one article (any order in the dump) become one record; others pass."""
    fixtures = {e["stem"]: e for e in load_expected("html")}
    pages = [fixtures[f"tribunnews/desktop_v1_paged{n}"] for n in (3, 1, 2)]
    single = fixtures["medcom/www_v1_2"]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"html": e["path"].read_text(encoding="utf-8"), "url": e["url"]}) + "\n"
                            for e in [pages[0], single, *pages[1:]]), encoding="utf-8")
    result = run_saring("clean", str(dump), "--merge-pages", "-j", "1")
    assert result.returncode == 0, result.stderr
    found = records(result.stdout)
    assert [r["url"] for r in found] == [single["url"], pages[1]["url"]]
    merged = found[1]
    whole = fixtures["tribunnews/desktop_v1_pagedall"]
    assert merged["pages"] == 3 and paragraphs(merged["body"]) == paragraphs(whole["body"])
    assert sorted(merged["inputs"]) == [f"{dump}#1", f"{dump}#3", f"{dump}#4"]
    assert "_split_article" not in merged
    # Without the flag every page is its own record.
    assert len(records(run_saring("clean", str(dump), "-j", "1").stdout)) == 4


def test_merge_pages_keeps_metadata_of_the_first_page():
    from cleaners import merge_pages

    first = {"url": "u?page=1", "title": "T", "body": "A\n\nB", "pages": 1, "warnings": ["w"]}
    second = {"url": "u?page=2", "title": "other", "body": "B\n\nC", "pages": 1, "warnings": ["w", "x"]}
    merged = merge_pages([first, second])
    assert merged["title"] == "T" and merged["body"] == "A\n\nB\n\nC" and merged["pages"] == 2
    assert merged["warnings"] == ["w", "x"]


def test_walking_a_big_folder_keeps_names_only(tmp_path):
    """A folder's entries are sorted by name and read one by one; what the walk keeps for each entry it has
    not reached yet is its name, not a directory entry with a stat result (about 0.8 KB each, which made a
    folder of 20,000 pages cost 16 MB). tracemalloc counts what Python allocates, so this is not timed."""
    import tracemalloc

    from cleaners.batch.inputs import iter_documents

    def peak(count: int) -> int:
        folder = tmp_path / str(count)
        folder.mkdir()
        for n in range(count):
            (folder / f"halaman-{n:05d}.txt").write_text("Isi.", encoding="utf-8")
        tracemalloc.start()
        try:
            names = [doc.name for doc in iter_documents([str(folder)])]
            _, most = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert names == sorted(names) and len(names) == count
        return most - sum(sys.getsizeof(name) for name in names) - sys.getsizeof(names)

    small, big = peak(300), peak(3300)
    assert (big - small) / 3000 < 250, f"{(big - small) / 3000:.0f} bytes kept per entry"
