"""A store that fills up during a crawl, for the tests: the store pipeline, except that once it has stored
`SARING_TEST_FULL_AFTER` items (default 3) SQLite's page limit is set to the pages the store file has, so
that the next insert fails inside SQLite as on a full disk ("database or disk is full")."""

from __future__ import annotations

import itertools

from crawler.pipelines import StorePipeline


class FullStorePipeline(StorePipeline):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        after = crawler.settings.getint("SARING_TEST_FULL_AFTER", 3)
        store, put, calls = self.store, self.store.put_batched, itertools.count()

        def put_then_fill(record, *args, **kwargs):
            if next(calls) == after:  # in the thread that writes, between two puts
                store.commit()
                pages = store.db.execute("PRAGMA page_count").fetchone()[0]
                store.db.execute(f"PRAGMA max_page_count = {pages}")
            return put(record, *args, **kwargs)

        store.put_batched = put_then_fill
