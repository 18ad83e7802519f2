"""`saring clean` under attack and bad luck (issue 10): bounded memory, one writer per output, truncated and
hostile archives, special files and symlinks, safe writes, valid UTF-8 out, charset sniffing, clear
messages, no tracebacks, prompt interrupts. Every test runs the real command in a subprocess."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.batch.output import text_stem

from .conftest import FIXTURES, ROOT, SARING, load_expected, paragraphs, run_saring

GOOD = FIXTURES / "text" / "004_69ee16c09114b4dc.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
QUOTE = "\u201cIni terlihat seperti berita palsu lainnya,\u201d"  # a sentence of GOOD with non-ASCII quotes
HTML_PAGES = [e for e in load_expected("html") if e["url"]]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
MB = 1024 * 1024


def records(stdout: str | bytes) -> list[dict]:
    text = stdout.decode("utf-8") if isinstance(stdout, bytes) else stdout
    return [json.loads(line) for line in text.splitlines()]


def by_name(stdout: str | bytes) -> dict[str, dict]:
    return {Path(r["input"]).name: r for r in records(stdout)}


def no_traceback(result: subprocess.CompletedProcess) -> None:
    stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


def one_line_message(result: subprocess.CompletedProcess) -> str:
    no_traceback(result)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def html_page(title: str, body_html: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
            f"<body><article>{body_html}</article></body></html>")


SENTENCES = [
    "Pengunjung caf\u00e9 menikmati kopi sambil membaca berita pagi di pusat kota Jakarta.",
    "Pemilik caf\u00e9 berencana membuka cabang baru di kota lain pada tahun depan.",
    "Menurut dia, \u201cmenu spesial\u201d itu seharga \u20ac5 dan cukup murah bagi mahasiswa.",
]
ARTICLE_HTML = "".join(f"<p>{s}</p>" for s in SENTENCES)


def write_warc(path: Path, records_: list[tuple[str, str, bytes]], gz: bool = True, request_pad: int = 0) -> None:
    """A WARC of (uri, content type, payload) response records, each after a request record."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for uri, content_type, payload in records_:
            request = b"GET / HTTP/1.1\r\nX-Pad: " + b"p" * request_pad + b"\r\n\r\n"
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(request)))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


# --- 4. --max-size is enforced while streaming, and says the real size in the limit's unit -------------

def test_huge_compressed_jsonl_line_keeps_memory_flat(tmp_path):
    """A 3 MB .jsonl.gz whose first line inflates to 3 GiB: one error record, the next line cleaned, and the
    peak RSS of the run far below the line's size (measured in a fresh parent, so earlier tests' children
    do not count)."""
    source = tmp_path / "bomb.jsonl.gz"
    chunk = gzip.compress(b"a" * (64 * MB), compresslevel=9)  # a gzip member; members concatenate
    with open(source, "wb") as handle:  # written member by member: never more than 64 MiB in memory
        handle.write(gzip.compress(b'{"html": "'))
        for _ in range(48):
            handle.write(chunk)
        handle.write(gzip.compress(b'"}\n' + json.dumps({"text": GOOD_TEXT}).encode() + b"\n"))
    assert source.stat().st_size < 4 * MB
    probe = ("import resource, subprocess, sys\n"
             "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
             "sys.stderr.buffer.write(r.stderr)\n"
             "sys.stdout.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) + ' ' + str(r.returncode)"
             " + '\\n' + r.stdout.decode())\n")
    result = subprocess.run([sys.executable, "-c", probe, *SARING, "clean", "-j", "1", str(source)],
                            capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=600)
    no_traceback(result)
    head, _, out = result.stdout.partition("\n")
    peak_kib, code = map(int, head.split())
    assert code == 1
    first, second = records(out)
    assert first["input"].endswith("#1") and "3072.0 MB" in first["error"] and "32 MB limit" in first["error"]
    assert "error" not in second and second["site"] == "kompastv"
    assert peak_kib < 500 * 1024, f"peak RSS {peak_kib / 1024:.0f} MB"


def test_size_messages_use_the_limits_unit(tmp_path):
    """Sizes are in the same MB (MiB) as --max-size; a gzip page or stdin cut at the limit says 'more than'."""
    plain = tmp_path / "plain.html"
    plain.write_bytes(b"<p>" + b"x" * (3 * MB - 3))  # exactly 3 MiB
    (tmp_path / "packed.html.gz").write_bytes(gzip.compress(b"<p>" + b"y" * (40 * MB)))
    write_warc(tmp_path / "big.warc.gz", [("https://x.example/big", "text/html", b"<p>" + b"z" * (3 * MB - 3))])
    result = run_saring("clean", "-j", "1", "--max-size", "2", str(tmp_path))
    no_traceback(result)
    found = by_name(result.stdout)
    assert "3.0 MB, over the 2 MB limit" in found["plain.html"]["error"]
    assert "more than 2 MB" in found["packed.html.gz"]["error"]
    assert "3.0 MB, over the 2 MB limit" in found["big.warc.gz#1"]["error"]
    piped = subprocess.run([*SARING, "clean", "--max-size", "1", "-"], input=b"w" * (5 * MB), capture_output=True,
                           cwd=ROOT, env=ENV)
    (record,) = records(piped.stdout)
    assert "more than 1 MB" in record["error"] and piped.returncode == 1


# --- 5. one writer per output ------------------------------------------------------------------------------

def _hold_output(*args: str) -> subprocess.Popen:
    """A run that holds its output open: it waits on standard input (`-`) until we close it."""
    return subprocess.Popen([*SARING, "clean", "-", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=ENV)


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


@pytest.mark.parametrize("mode", ["jsonl", "resume", "txt"])
def test_second_writer_is_refused(tmp_path, mode):
    out = tmp_path / "out.jsonl"
    txt = tmp_path / "txt"
    target = ["--format", "txt", "--out-dir", str(txt)] if mode == "txt" else ["-o", str(out)]
    first = _hold_output(*target)
    try:
        _wait_for(lambda: (txt if mode == "txt" else out).exists())
        time.sleep(0.5)  # the first run has taken its lock by now (it opens the output before reading)
        second = run_saring("clean", str(GOOD), *target, *(["--resume"] if mode == "resume" else []), timeout=120)
        assert second.returncode == 2
        message = one_line_message(second)
        assert "another saring clean" in message
    finally:
        first.communicate(GOOD.read_bytes(), timeout=120)
    assert first.returncode == 0
    if mode == "txt":
        assert len(list(txt.glob("*.txt"))) == 1
    else:
        (record,) = records(out.read_text(encoding="utf-8"))
        assert record["input"] == "-"


# --- 7. truncated archives are reported ------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["gz-in-request", "gz-200", "plain-200", "plain-in-request"])
def test_truncated_warc_is_an_error(tmp_path, case):
    whole = tmp_path / "whole.warc"
    gz = case.startswith("gz")
    page = html_page("Judul Berita Kafe yang Cukup Panjang", ARTICLE_HTML).encode()
    write_warc(whole, [("https://x.example/a", "text/html", page)] * 2, gz=gz, request_pad=4000)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    # "in-request": the archive ends inside the last request record (a non-response record).
    if gz:  # the members of the last request and response records: cut half-way through the request's
        last = data.rfind(b"\x1f\x8b\x08")
        inside = (data.rfind(b"\x1f\x8b\x08", 0, last) + last) // 2
    else:  # after the last request record's header, inside its 4,000-byte block
        inside = data.rfind(b"WARC-Type: request") + 1000
    cut.write_bytes(data[:200] if case.endswith("200") else data[:inside])
    result = run_saring("clean", "-j", "1", str(cut))
    no_traceback(result)
    assert result.returncode == 1, result.stderr
    found = records(result.stdout)
    errors = [r for r in found if "error" in r]
    assert len(errors) == 1 and "truncated" in errors[0]["error"]
    assert "1 failed" in result.stderr


# --- 8. special files and symlinks ---------------------------------------------------------------------------

def test_fifo_socket_in_directory_are_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.html"))
    try:
        result = run_saring("clean", "-j", "1", str(folder), timeout=30)
    finally:
        sock.close()
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert list(by_name(result.stdout)) == ["good.txt"]
    assert "pipe.txt" in result.stderr and "FIFO" in result.stderr and "sock.html" in result.stderr


def test_fifo_named_explicitly_is_an_error_record(tmp_path):
    os.mkfifo(tmp_path / "pipe.html")
    result = run_saring("clean", str(tmp_path / "pipe.html"), str(GOOD), timeout=30)
    no_traceback(result)
    assert result.returncode == 1
    found = by_name(result.stdout)
    assert "not a regular file" in found["pipe.html"]["error"]
    assert "error" not in found[GOOD.name]


def test_symlinks_do_not_leave_the_roots(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD_TEXT.replace("Rusia", "Rahasia"), encoding="utf-8")
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "real.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "leakdir").symlink_to(outside, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "sub" / "real.txt")
    (root / "loop.txt").symlink_to(root / "loop2.txt")
    (root / "loop2.txt").symlink_to(root / "loop.txt")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # a directory loop
    result = run_saring("clean", "-j", "1", str(root), timeout=60)
    no_traceback(result)
    assert sorted(by_name(result.stdout)) == ["inside.txt", "real.txt"]
    assert "leak.txt" in result.stderr and "--follow-symlinks" in result.stderr
    assert result.returncode == 0
    followed = run_saring("clean", "-j", "1", "--follow-symlinks", str(root), timeout=60)
    no_traceback(followed)
    names = [Path(r["input"]).name for r in records(followed.stdout) if "error" not in r]
    assert sorted(names) == ["inside.txt", "leak.txt", "real.txt", "secret.txt"]  # the loop is walked once


# --- 9. safe writes in --out-dir -------------------------------------------------------------------------------

def test_txt_out_dir_never_writes_through_a_symlink(tmp_path):
    out = tmp_path / "txt"
    out.mkdir()
    victim, victim2 = tmp_path / "victim", tmp_path / "victim2"
    victim.write_text("precious\n")
    victim2.write_text("precious too\n")
    name = text_stem(records(run_saring("clean", str(GOOD)).stdout)[0]) + ".txt"  # named from the document
    (out / (name + ".part")).symlink_to(victim)  # the temporary file's old, predictable name
    (out / name).symlink_to(victim2)
    (out / "_errors.jsonl").symlink_to(tmp_path / "victim3")
    result = run_saring("clean", str(GOOD), "--format", "txt", "--out-dir", str(out))
    assert result.returncode == 2, result.stderr  # _errors.jsonl is a planted link: refused
    assert "symlink" in one_line_message(result)
    assert not (tmp_path / "victim3").exists()
    (out / "_errors.jsonl").unlink()
    result = run_saring("clean", str(GOOD), "--format", "txt", "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious\n" and victim2.read_text() == "precious too\n"
    assert not (out / name).is_symlink() and (out / name).read_text(encoding="utf-8").startswith("Respons Rusia")
    # No document failed: no _errors.jsonl (issue 14; it used to be written empty); the index lists the file.
    assert sorted(p.name for p in out.iterdir() if not p.name.endswith(".part")) == [".saring-index.jsonl", name]


def test_errors_jsonl_is_rewritten_without_resume(tmp_path):
    out = tmp_path / "txt"
    (tmp_path / "empty.txt").write_bytes(b"")
    for _ in range(2):
        run_saring("clean", str(tmp_path / "empty.txt"), str(GOOD), "--format", "txt", "--out-dir", str(out))
    assert len((out / "_errors.jsonl").read_text().splitlines()) == 1
    resumed = run_saring("clean", str(tmp_path / "empty.txt"), str(GOOD), "--format", "txt", "--out-dir", str(out),
                         "--resume")
    assert "2 skipped" in resumed.stderr
    assert len((out / "_errors.jsonl").read_text().splitlines()) == 1


# --- 10. output is always valid UTF-8 ----------------------------------------------------------------------------

def test_undecodable_file_names_are_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/berita-\xff\xfe.txt"
    with open(raw, "wb") as handle:
        handle.write(GOOD.read_bytes())
    out = tmp_path / "out.jsonl"
    result = subprocess.run([*SARING, "clean", str(folder), "-o", str(out)], capture_output=True, cwd=ROOT, env=ENV)
    assert result.returncode == 0, result.stderr
    (record,) = records(out.read_bytes())  # strict UTF-8 decoding
    assert record["input"].endswith("berita-\\xff\\xfe.txt")
    resumed = subprocess.run([*SARING, "clean", str(folder), "-o", str(out), "--resume"], capture_output=True,
                             cwd=ROOT, env=ENV)
    assert b"1 skipped" in resumed.stderr and len(records(out.read_bytes())) == 1
    txt = tmp_path / "txt"
    assert subprocess.run([*SARING, "clean", str(folder), "--format", "txt", "--out-dir", str(txt)],
                          capture_output=True, cwd=ROOT, env=ENV).returncode == 0
    assert len(list(txt.glob("*.txt"))) == 1


def test_lone_surrogate_in_a_jsonl_line(tmp_path):
    source = tmp_path / "dump.jsonl"
    text = GOOD_TEXT.replace("Kremlin langsung", "Kremlin \ud800langsung")
    source.write_text(json.dumps({"text": text, "url": "https://x.example/\udcff"}) + "\n"
                      + json.dumps({"text": GOOD_TEXT}) + "\n", encoding="ascii")
    result = subprocess.run([*SARING, "clean", str(source)], capture_output=True, cwd=ROOT, env=ENV)
    first, second = records(result.stdout)  # strict UTF-8
    assert QUOTE in first["body"] and QUOTE in second["body"]
    assert first["title"] == second["title"]


# --- 11. charsets sniffed as browsers do ------------------------------------------------------------------------

def test_charsets_are_sniffed(tmp_path):
    page = html_page("Berita Caf\u00e9 yang Cukup Panjang", ARTICLE_HTML, head='<meta charset="iso-8859-1">')
    (tmp_path / "utf8_says_latin1.html").write_bytes(page.encode("utf-8"))
    ascii_page = html_page("Berita Kopi yang Cukup Panjang", "".join(
        f"<p>{s.replace(chr(233), 'e').replace(chr(0x201c), '').replace(chr(0x201d), '').replace(chr(0x20ac), 'EUR ')}</p>"
        for s in SENTENCES), head='<meta charset="utf-16">')
    (tmp_path / "ascii_says_utf16.html").write_bytes(ascii_page.encode("ascii"))
    (tmp_path / "cp037.txt").write_bytes(GOOD_TEXT.replace("\u201c", '"').replace("\u201d", '"').encode("cp037"))
    for codec, bom in (("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
                       ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        (tmp_path / f"bom_{codec}.txt").write_bytes(bom + GOOD_TEXT.encode(codec))
    mixed = GOOD_TEXT.encode("utf-8").replace(b"Kremlin langsung", b"Kremlin \x93langsung\x94")  # cp1252 quotes
    (tmp_path / "mixed.txt").write_bytes(mixed)
    result = run_saring("clean", "-j", "1", str(tmp_path))
    no_traceback(result)
    found = by_name(result.stdout)
    latin = found["utf8_says_latin1.html"]
    assert latin["title"] == "Berita Caf\u00e9 yang Cukup Panjang" and SENTENCES[2] in latin["body"]
    assert "error" not in found["ascii_says_utf16.html"] and "Pengunjung cafe" in found["ascii_says_utf16.html"]["body"]
    assert "not text" in found["cp037.txt"]["error"]
    for codec in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        record = found[f"bom_{codec}.txt"]
        assert QUOTE in record["body"] and "\x00" not in record["body"], codec
    assert QUOTE in found["mixed.txt"]["body"] and "Kremlin \u201clangsung\u201d" in found["mixed.txt"]["body"]
    assert result.returncode == 1  # cp037 only


# --- 12. only HTML and text payloads of a WARC are cleaned --------------------------------------------------------

def test_warc_non_html_payloads_are_skipped_and_counted(tmp_path):
    warc = tmp_path / "mixed.warc.gz"
    page = html_page("Judul Berita Kafe yang Cukup Panjang", ARTICLE_HTML).encode()
    write_warc(warc, [
        ("https://x.example/a", "text/html; charset=utf-8", page),
        ("https://x.example/s.css", "text/css", b"body { color: red; }\n" * 50 + ARTICLE_HTML.encode()),
        ("https://x.example/s.js", "application/javascript", b"var berita = 'kata kata kata';\n" * 60),
        ("https://x.example/t.js", "text/javascript", b"var berita = 'kata kata kata';\n" * 60),
        ("https://x.example/d.json", "application/json", json.dumps({"html": page.decode()}).encode()),
        ("https://x.example/i.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        ("https://x.example/t.txt", "text/plain", GOOD.read_bytes()),
        ("https://x.example/x", "application/xhtml+xml", page),
    ])
    result = run_saring("clean", "-j", "1", str(warc))
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert [r["url"] for r in records(result.stdout)] == ["https://x.example/a", "https://x.example/t.txt",
                                                           "https://x.example/x"]
    assert "5 skipped (not HTML or text)" in result.stderr


# --- 15. no tracebacks: usage errors, unwritable outputs, closed standard streams ----------------------------------

@pytest.mark.parametrize("args", [["--timeout", "-1"], ["--timeout", "nan"], ["--timeout", "inf"],
                                  ["--max-size", "-1"], ["--max-size", "0"], ["--max-size", "nan"],
                                  ["-j", "0"], ["-j", "-3"]])
def test_bad_option_values_are_usage_errors(tmp_path, args):
    out = tmp_path / "out.jsonl"
    result = run_saring("clean", str(GOOD), "-o", str(out), *args)
    assert result.returncode == 2
    assert one_line_message(result).startswith("saring clean: ")
    assert not out.exists()


def test_output_to_a_full_device(tmp_path):
    result = run_saring("clean", str(GOOD), "-o", "/dev/full")
    assert result.returncode == 1
    assert "No space left on device" in one_line_message(result)
    with open("/dev/full", "w") as full:
        result = subprocess.run([*SARING, "clean", str(GOOD)], stdout=full, stderr=subprocess.PIPE, text=True,
                                cwd=ROOT, env=ENV)
    assert result.returncode == 1
    assert "No space left on device" in one_line_message(result)


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_write_failure_mid_run_leaves_whole_lines_only(tmp_path):
    out = tmp_path / "out.jsonl"
    sources = [str(FIXTURES / "text" / name) for name in sorted(os.listdir(FIXTURES / "text")) if name.endswith(".txt")]
    result = subprocess.run([*SARING, "clean", "-j", "1", *sources, "-o", str(out)], capture_output=True, text=True,
                            cwd=ROOT, env=ENV, preexec_fn=_limit_file_size(9000))
    assert result.returncode == 1
    assert "cannot write" in one_line_message(result)
    data = out.read_bytes()
    assert data.endswith(b"\n") and 0 < len(records(data)) < len(sources)


def test_unwritable_output_places(tmp_path):
    (tmp_path / "file").write_text("x")
    result = run_saring("clean", str(GOOD), "-o", str(tmp_path / "file" / "out.jsonl"))
    assert result.returncode == 2 and "cannot write" in one_line_message(result)
    result = run_saring("clean", str(GOOD), "--format", "txt", "--out-dir", str(tmp_path / "file" / "txt"))
    assert result.returncode == 2 and "cannot write" in one_line_message(result)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_read_only_output_directory(capfd):
    from .test_bad_input import _run_cli_as_nobody

    base = Path(tempfile.mkdtemp(prefix="saring-ro-"))  # not under pytest's 0700 tmp_path: nobody reads it
    try:
        os.chmod(base, 0o755)
        shutil.copy(GOOD, base / "good.txt")
        os.chmod(base / "good.txt", 0o644)
        locked = base / "ro"
        locked.mkdir(mode=0o555)
        os.chmod(locked, 0o555)
        args = ["clean", "-j", "1", "-q", str(base / "good.txt")]
        targets = [["-o", str(locked / "out.jsonl")], ["--format", "txt", "--out-dir", str(locked / "txt")]]
        capfd.readouterr()
        if os.geteuid() == 0:  # root may write anywhere: drop to nobody, so the kernel really refuses
            codes = [_run_cli_as_nobody([*args, *target]) for target in targets]
            err = capfd.readouterr().err
        else:
            runs = [run_saring(*args, *target) for target in targets]
            codes, err = [r.returncode for r in runs], "".join(r.stderr for r in runs)
        assert codes == [2, 2]
        assert err.count("cannot write") == 2 and "Traceback" not in err
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(base / "ro", 0o755)
        shutil.rmtree(base)


def test_closed_standard_streams(tmp_path):
    closed_stdout = subprocess.run([*SARING, "clean", str(GOOD)], stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                   env=ENV, preexec_fn=lambda: os.close(1))
    assert closed_stdout.returncode == 2
    assert "standard output is closed" in one_line_message(closed_stdout)
    out = tmp_path / "o.jsonl"
    closed_stdin = subprocess.run([*SARING, "clean", "-", "-o", str(out)], stderr=subprocess.PIPE, text=True,
                                  cwd=ROOT, env=ENV, preexec_fn=lambda: os.close(0))
    no_traceback(closed_stdin)
    assert closed_stdin.returncode == 1
    (record,) = records(out.read_text())
    assert "standard input is closed" in record["error"]


# --- 16. messages that say what is wrong --------------------------------------------------------------------------

def test_wrong_field_type_and_bad_content_length(tmp_path):
    source = tmp_path / "dump.jsonl"
    source.write_text('{"html": 5}\n{"text": ["a"]}\n{"url": "u"}\n')
    found = records(run_saring("clean", str(source)).stdout)
    assert "'html' field is a number, not a string" in found[0]["error"]
    assert "'text' field is a list, not a string" in found[1]["error"]
    assert "no 'html' or 'text' field" in found[2]["error"]
    warc = tmp_path / "bad.warc"
    write_warc(warc, [("https://x.example/a", "text/html", html_page("Judul", ARTICLE_HTML).encode())], gz=False)
    data = warc.read_bytes()
    response = data.index(b"WARC-Type: response")
    length = data.index(b"Content-Length: ", response)
    end = data.index(b"\r\n", length)
    warc.write_bytes(data[:length] + b"Content-Length: abc" + data[end:])
    result = run_saring("clean", str(warc))
    no_traceback(result)
    (record,) = records(result.stdout)
    assert "Content-Length 'abc'" in record["error"] and result.returncode == 1


def test_deeply_nested_pages_keep_what_can_be_read(tmp_path):
    title = "Judul Berita Kafe yang Cukup Panjang"
    numbered = [f"<p>Paragraf nomor {n}: {SENTENCES[n % 3]}</p>" for n in range(1600)]
    (tmp_path / "deep300.html").write_text(html_page(title, "<div>" * 300 + ARTICLE_HTML + "</div>" * 300))
    # Unclosed tags, as broken templates leave them: every paragraph one level deeper.
    (tmp_path / "unclosed.html").write_text(html_page(title, "".join(p + "<div><span>" for p in numbered)))
    result = run_saring("clean", "-j", "1", str(tmp_path))
    no_traceback(result)
    found = by_name(result.stdout)
    deep = found["deep300.html"]
    assert deep["title"] == title and paragraphs(deep["body"]) == SENTENCES
    unclosed = found["unclosed.html"]
    assert unclosed["title"] == title
    kept = paragraphs(unclosed["body"])
    assert 500 < len(kept) < 1600 and kept[0].startswith("Paragraf nomor 0:")
    assert "markup nested deeper than 2048 levels; body cut" in unclosed["warnings"]


# --- 17. Ctrl-C and SIGTERM stop promptly ---------------------------------------------------------------------------

SLOW_PAGE = ("<html><head><title>Judul</title></head><body>"
             + "".join(f"<p>kalimat berita yang panjang nomor {i}. </p>" for i in range(160_000))
             + "</body></html>")  # about 8 MB; cleaning it takes far longer than the bounds below


@pytest.mark.parametrize(("jobs", "signum"), [("1", signal.SIGINT), ("2", signal.SIGINT), ("2", signal.SIGTERM)])
def test_interrupt_stops_a_busy_run_promptly(tmp_path, jobs, signum):
    (tmp_path / "a_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b_slow.html").write_text(SLOW_PAGE)
    (tmp_path / "c_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([*SARING, "clean", "-j", jobs, "--timeout", "0", str(tmp_path), "-o", str(out)],
                               stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
    try:
        _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 1, timeout=120)
        time.sleep(1.0)  # now busy on the slow page
        assert process.poll() is None
        workers = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
        sent = time.monotonic()
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
    assert took < 10, f"took {took:.1f} s to stop"
    assert process.returncode == 130
    assert "interrupted" in stderr and "Traceback" not in stderr
    data = out.read_bytes()
    assert data.endswith(b"\n") and [r["input"] for r in records(data)] == [str(tmp_path / "a_good.txt")]
    time.sleep(0.5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    assert not alive, "workers outlived the interrupted run"
