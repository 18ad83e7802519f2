"""Cleaning many documents: finding and reading inputs (`inputs`), workers (`runner`), what a run writes
(`output`) and the `saring clean` command (`cli`)."""
