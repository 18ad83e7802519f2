"""The store writer process's protocol (crawler.store.writer), without a crawl: one answer per request, in
order; a failed store answers every later record "skipped"; the end of the input commits and closes."""

from __future__ import annotations

import io
import json
import os
import subprocess

from crawler.store import ArticleStore
from crawler.store.writer import CHECKPOINT, command, serve


def _record(n: int, body: str) -> dict:
    return {"url": f"https://contoh.id/berita/{n}", "title": f"Judul {n}", "published": "2024-11-05T10:00:00+07:00",
            "body": body}


def _lines(*requests: dict | bytes) -> io.BytesIO:
    return io.BytesIO(b"".join(r if isinstance(r, bytes) else json.dumps(r).encode() + b"\n" for r in requests))


def test_answers_in_order_and_the_end_of_input_commits(tmp_path):
    path = tmp_path / "a.db"
    body = "Isi berita yang panjang tentang banjir di kota. " * 20
    answers = io.BytesIO()
    serve(ArticleStore(path), _lines(_record(1, body), _record(2, body), {"title": "tanpa url"}, CHECKPOINT,
                                     _record(3, "Berita lain sama sekali tentang harga cabai di pasar.")), answers)
    got = [json.loads(line) for line in answers.getvalue().splitlines()]
    assert got[0] == {"ready": True}
    assert got[1] == {"duplicate_of": None, "committed": 0, "pending": 1}
    assert got[2] == {"duplicate_of": "https://contoh.id/berita/1", "committed": 0, "pending": 2}
    assert "canonical_url or url" in got[3]["invalid"]
    assert got[4] == {"committed": 2}
    assert got[5] == {"duplicate_of": None, "committed": 2, "pending": 1}
    assert len(got) == 6
    assert not (tmp_path / "a.db-wal").exists()  # closed: the write-ahead log folded in
    with ArticleStore(path, readonly=True, check=True) as store:
        assert store.size() == 3


def test_after_sqlite_fails_every_record_is_skipped(tmp_path):
    path = tmp_path / "a.db"
    store = ArticleStore(path)
    store.put(_record(1, "Berita pertama tentang jalan rusak di desa."))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the next insert fails as on a full disk
    answers = io.BytesIO()
    big = "Kata demi kata berita yang panjang sekali. " * 400
    serve(store, _lines(_record(2, big), _record(3, big + " lain"), CHECKPOINT), answers)
    got = [json.loads(line) for line in answers.getvalue().splitlines()]
    assert "full" in got[1]["error"] and got[1]["type"] == "OperationalError" and got[1]["committed"] == 0
    assert got[2] == {"skipped": True}
    assert got[3]["committed"] == 0
    with ArticleStore(path, readonly=True) as reader:
        assert reader.size() == 1


class _Gone(io.BytesIO):
    """Answers nobody reads: the crawl that started the writer was killed."""

    def write(self, data: bytes) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_writer_nobody_listens_to_stores_what_it_was_sent(tmp_path):
    serve(ArticleStore(tmp_path / "a.db"), _lines(*[_record(n, f"Berita nomor {n} tentang pasar ikan.") for n in
                                                    range(5)], CHECKPOINT, _record(9, "Berita terakhir.")), _Gone())
    with ArticleStore(tmp_path / "a.db", readonly=True) as store:
        assert store.size() == 6


def test_the_process_has_its_own_session_and_ends_with_its_input(tmp_path):
    """As the crawl runs it: the signals a terminal or `timeout` sends to the crawl's process group do not
    reach it (its own session), and it goes on until the crawl closes its input."""
    process = subprocess.Popen(command("crawler.store.writer", str(tmp_path / "a.db")),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdout is not None and process.stdin is not None
    assert json.loads(process.stdout.readline()) == {"ready": True}
    assert os.getsid(process.pid) == process.pid != os.getsid(0)
    process.send_signal(2)  # ignored too, when sent to it alone
    process.stdin.write(json.dumps(_record(1, "Berita tentang sekolah baru di kecamatan.")).encode() + b"\n")
    process.stdin.flush()
    assert json.loads(process.stdout.readline())["pending"] == 1
    process.stdout.close()  # nobody reads its answers any more
    process.stdin.write(json.dumps(_record(2, "Berita lain tentang jembatan.")).encode() + b"\n")
    process.stdin.close()
    assert process.wait(timeout=30) == 0
    with ArticleStore(tmp_path / "a.db", readonly=True) as store:
        assert store.size() == 2
