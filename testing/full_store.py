"""Stores that fail during a crawl, for the tests: the store pipeline, except that its writer process
(crawler.store.writer) runs a store that, once it has stored `SARING_TEST_FULL_AFTER` items (default 3),
- FullStorePipeline: sets SQLite's page limit to the pages the store file has, so that the next insert fails
  inside SQLite as on a full disk ("database or disk is full");
- DyingWriterPipeline: ends the writer process at once, committing nothing more (as a killed one);
- StuckWriterPipeline: never answers again (the crawl gives it 3 s instead of STUCK_SECONDS);
- CrashingWriterPipeline: the writer process raises an unexpected exception (a traceback on its standard
  error, exit status 1)."""

from __future__ import annotations

import itertools
import os
import sys
import time

from crawler.pipelines import StorePipeline
from crawler.store.db import ArticleStore
from crawler.store.writer import command
from crawler.store.writer import main as writer_main


class FullStorePipeline(StorePipeline):
    def writer_command(self, path: str) -> list[str]:
        after = self.crawler.settings.getint("SARING_TEST_FULL_AFTER", 3)
        return command("testing.full_store", str(path), str(after), self.mode)

    mode = "full"


class DyingWriterPipeline(FullStorePipeline):
    mode = "dies"


class StuckWriterPipeline(FullStorePipeline):
    mode = "hangs"
    stuck_seconds = 3.0


class CrashingWriterPipeline(FullStorePipeline):
    mode = "crashes"


class FullStore(ArticleStore):
    after = 3
    mode = "full"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._calls = itertools.count()

    def put_batched(self, record, *args, **kwargs):
        if next(self._calls) == self.after:  # between two puts
            if self.mode == "dies":
                os._exit(3)
            if self.mode == "hangs":
                time.sleep(3600)
            if self.mode == "crashes":
                raise RuntimeError("the store writer crashed (testing.full_store)")
            self.commit()
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {pages}")
        return super().put_batched(record, *args, **kwargs)


if __name__ == "__main__":
    FullStore.after, FullStore.mode = int(sys.argv[2]), sys.argv[3]
    sys.exit(writer_main(sys.argv[1:2], store_class=FullStore))
