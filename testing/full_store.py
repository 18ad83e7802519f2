"""A store that fills up during a crawl, for the tests: the store pipeline, except that once it has stored
`SARING_TEST_FULL_AFTER` items (default 3) SQLite's page limit is set to the pages the store file has, so
that the next insert fails inside SQLite as on a full disk ("database or disk is full")."""

from __future__ import annotations

from crawler.pipelines import StorePipeline


class FullStorePipeline(StorePipeline):
    def process_item(self, item: dict) -> dict:
        if self.stats.get_value("saring/stored", 0) == self.crawler.settings.getint("SARING_TEST_FULL_AFTER", 3):
            self.store.commit()
            pages = self.store.db.execute("PRAGMA page_count").fetchone()[0]
            self.store.db.execute(f"PRAGMA max_page_count = {pages}")
        return super().process_item(item)
