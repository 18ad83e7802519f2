"""Fuzzing `saring clean` (issue 10): a seeded generator of broken pages, archives and JSONL files run
through the real command. Whatever the input, the run ends in bounded time, without a traceback, with
valid UTF-8 JSONL, one record per document (the documents a container holds, when it is intact), an error
record for an archive cut short, and exit status 1 exactly when some record has an error.

`SARING_FUZZ_SEED=N` replays or varies the run; `SARING_FUZZ_COUNT` changes the number of inputs.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import subprocess
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .conftest import FIXTURES, ROOT, SARING, load_expected

SEED = int(os.environ.get("SARING_FUZZ_SEED", "20241011"))
COUNT = int(os.environ.get("SARING_FUZZ_COUNT", "60"))
#: The whole run must end within this many seconds, however hostile the inputs.
BOUND = 900

PAGES = [e["path"].read_bytes() for e in load_expected("html")]
TEXTS = [p.read_bytes() for p in sorted((FIXTURES / "text").glob("*.txt"))]
CHARSETS = ("cp1252", "latin-1", "utf-16-le", "utf-16", "utf-32", "cp037", "shift_jis", "koi8-r")


@dataclass
class Expect:
    """What the output must hold for one input file."""

    kind: str  # page, jsonl, warc
    documents: list[str] = field(default_factory=list)  # exact `input` names, when the container is intact
    intact: bool = True
    cut: bool = False  # an archive cut inside a record: an error record is required


class Fuzzer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.made: Counter = Counter()

    # -- mutations of one document -------------------------------------------------------------------
    def document(self) -> bytes:
        rng = self.rng
        data = rng.choice(PAGES if rng.random() < 0.7 else TEXTS)
        for _ in range(rng.randint(1, 3)):
            mutation = rng.choice(("truncate", "flip", "charset", "attribute", "nesting", "nul", "garbage",
                                   "declare", "none"))
            self.made[mutation] += 1
            data = getattr(self, f"_{mutation}")(data)
        return data

    def _none(self, data: bytes) -> bytes:
        return data

    def _truncate(self, data: bytes) -> bytes:
        return data[: self.rng.randint(0, len(data))]

    def _flip(self, data: bytes) -> bytes:
        buf = bytearray(data)
        for _ in range(self.rng.randint(1, 64)):
            if buf:
                buf[self.rng.randrange(len(buf))] ^= 1 << self.rng.randrange(8)
        return bytes(buf)

    def _charset(self, data: bytes) -> bytes:
        text = data.decode("utf-8", "replace")
        return text.encode(self.rng.choice(CHARSETS), "replace")

    def _declare(self, data: bytes) -> bytes:
        label = self.rng.choice(("iso-8859-1", "utf-16", "utf-32", "windows-1252", "bogus-charset", "cp037"))
        return data.replace(b"<head>", f'<head><meta charset="{label}">'.encode(), 1) or data

    def _attribute(self, data: bytes) -> bytes:
        at = self._spot(data)
        size = self.rng.choice((10_000, 300_000, 2_000_000))
        return data[:at] + b'<div data-x="' + b"A" * size + b'">' + data[at:]

    def _nesting(self, data: bytes) -> bytes:
        at = self._spot(data)
        depth = self.rng.choice((300, 2500, 20_000))
        tag = self.rng.choice((b"<div>", b"<span><b>", b"<table><tr><td>"))
        return data[:at] + tag * depth + data[at:]

    def _nul(self, data: bytes) -> bytes:
        buf = bytearray(data)
        for _ in range(self.rng.randint(1, 20)):
            buf.insert(self.rng.randint(0, len(buf)), 0)
        return bytes(buf)

    def _garbage(self, data: bytes) -> bytes:
        at = self._spot(data)
        return data[:at] + self.rng.randbytes(self.rng.randint(1, 5000)) + data[at:]

    def _spot(self, data: bytes) -> int:
        body = data.find(b"<body")
        return self.rng.randint(body if body >= 0 else 0, len(data))

    # -- containers ------------------------------------------------------------------------------------
    def page(self, folder: Path, n: int) -> tuple[Path, Expect]:
        data = self.document()
        suffix = self.rng.choice((".html", ".htm", ".txt", ".html.gz"))
        if suffix.endswith(".gz"):
            data = gzip.compress(data)
            if self.rng.random() < 0.4:
                data = self._truncate(data) if self.rng.random() < 0.5 else self._flip(data)
        path = folder / f"page{n:03d}{suffix}"
        path.write_bytes(data)
        return path, Expect("page", [str(path)])

    def jsonl(self, folder: Path, n: int) -> tuple[Path, Expect]:
        rng = self.rng
        lines = []
        for _ in range(rng.randint(1, 5)):
            doc = self.document().decode("utf-8", rng.choice(("replace", "surrogateescape")))
            choice = rng.random()
            if choice < 0.55:
                lines.append(json.dumps({rng.choice(("html", "text")): doc, "url": rng.choice(
                    (None, "https://www.kompas.tv/x/1/judul", "not a url", "https://x.example/\udcff"))}))
            elif choice < 0.65:
                lines.append(json.dumps({"html": rng.choice((5, [1], {"a": 1}, True))}))
            elif choice < 0.75:
                lines.append(json.dumps({"html": doc})[: rng.randint(0, 200)])  # a torn line
            elif choice < 0.85:
                lines.append(rng.choice(("[1, 2]", "null", "", "   ", '"text"')))
            else:
                lines.append(json.dumps({"text": doc.replace("a", "\ud800", 1)}, ensure_ascii=rng.random() < 0.5))
        data = ("\n".join(lines) + rng.choice(("\n", ""))).encode("utf-8", "surrogatepass")
        gz = rng.random() < 0.4
        path = folder / f"dump{n:03d}.jsonl{'.gz' if gz else ''}"
        intact = True
        if gz:
            data = gzip.compress(data)
            if rng.random() < 0.3:
                data, intact = self._truncate(data), False
        path.write_bytes(data)
        if not intact:
            return path, Expect("jsonl", intact=False)
        plain = data if not gz else gzip.decompress(data)
        names = [f"{path}#{k}" for k, raw in enumerate(plain.split(b"\n"), 1) if raw.strip()]
        return path, Expect("jsonl", names)

    def warc(self, folder: Path, n: int) -> tuple[Path, Expect]:
        rng = self.rng
        gz = rng.random() < 0.6
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gz)
        ends = []
        names = []
        for k in range(rng.randint(1, 4)):
            kind = rng.choice(("text/html; charset=utf-8", "text/html", "text/css", "application/javascript",
                               "image/png", "text/plain", None))
            if k == 0:
                kind = "text/html"  # every archive holds at least one page
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)] if kind else [], protocol="HTTP/1.1")
            if rng.random() < 0.5:
                writer.write_record(writer.create_warc_record("https://x.example/req", "request",
                                                              payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
                ends.append(buf.tell())
            uri = rng.choice(("https://www.kompas.tv/nasional/1/judul-berita", "https://x.example/a"))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(self.document()),
                                                          http_headers=headers))
            ends.append(buf.tell())
            if kind is None or kind.split(";")[0] in ("text/html", "text/plain"):
                names.append(f"#{k + 1}")  # response records are numbered from 1, skipped ones too
        data = buf.getvalue()
        path = folder / f"crawl{n:03d}.warc{'.gz' if gz else ''}"
        expect = Expect("warc")
        if rng.random() < 0.4:
            cut = rng.randint(1, len(data) - 1)
            data = data[:cut]
            expect.intact = False
            # A cut on a record boundary (or in an uncompressed record's closing CRLFs) leaves whole records.
            expect.cut = all(not (end - (0 if gz else 4) <= cut <= end) for end in ends)
        elif rng.random() < 0.2:
            data, expect.intact = self._flip(data), False
        path.write_bytes(data)
        if expect.intact:
            expect.documents = [f"{path}{name}" for name in names]
        return path, expect


def test_fuzzed_inputs_never_break_saring_clean(tmp_path):
    fuzzer = Fuzzer(SEED)
    folder = tmp_path / "in"
    folder.mkdir()
    expected: dict[str, Expect] = {}
    makers = [fuzzer.page] * 5 + [fuzzer.jsonl] * 2 + [fuzzer.warc] * 2
    for n in range(COUNT):
        path, expect = fuzzer.rng.choice(makers)(folder, n)
        expected[str(path)] = expect
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = subprocess.run([*SARING, "clean", "-j", "2", "--timeout", "30", str(folder), "-o", str(out)],
                            capture_output=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                            timeout=BOUND)
    took = time.monotonic() - started
    stderr = result.stderr.decode("utf-8", "replace")
    context = f"seed {SEED}, {COUNT} inputs, mutations {dict(fuzzer.made)}"
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, f"{context}\n{stderr}"
    lines = out.read_bytes().decode("utf-8").splitlines()  # strict: the output is valid UTF-8
    found = [json.loads(line) for line in lines]
    assert all(isinstance(r, dict) and r.get("input") for r in found), context
    inputs = [r["input"] for r in found]
    assert len(inputs) == len(set(inputs)), f"{context}: an input gave two records"
    failed = sum("error" in r for r in found)
    assert result.returncode == (1 if failed else 0), f"{context}\n{stderr[-2000:]}"
    assert f"{len(found) - failed} ok, {failed} failed" in stderr
    by_file: dict[str, list[dict]] = defaultdict(list)
    for record in found:
        by_file[record["input"].rsplit("#", 1)[0] if "#" in record["input"] else record["input"]].append(record)
    for path, expect in expected.items():
        got = by_file.get(path, [])
        if expect.kind == "page" or expect.intact:
            assert [r["input"] for r in got] == expect.documents, f"{context}: {path}"
        else:
            assert got, f"{context}: {path} gave no record"
        if expect.cut:
            assert any("truncated" in r.get("error", "") for r in got), f"{context}: {path} cut, not reported"
        for record in got:
            assert "\n" not in record.get("error", "")
    assert set(by_file) <= set(expected)
    print(f"fuzz: {context}: {len(found)} records ({failed} errors) in {took:.0f} s")
