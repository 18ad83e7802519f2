# Saring: `make demo` and `make test` do all set-up on a machine with only python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo demo-clean test lint clean-venv

# (Re)install when the venv is missing or pyproject.toml is newer than the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# Crawl the offline mirror of the fixture sites with the four spiders; out/articles.jsonl + a summary.
demo: $(STAMP)
	$(BIN)/python -m crawler.demo

# Clean the five fixture page texts and print their records.
demo-clean: $(STAMP)
	$(BIN)/saring clean fixtures/text --urls fixtures/text/urls.tsv

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) lint
	$(BIN)/python -m pytest

clean-venv:
	rm -rf $(VENV)
