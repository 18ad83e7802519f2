# Saring: `make demo` and `make test` do all set-up on a machine with only python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo demo-clean test lint clean-venv redis-server chromium

LOG    := $(VENV)/install.log

# (Re)install when the venv is missing or pyproject.toml is newer than the last install. Quiet: pip shows
# its errors only; its warnings (a dependency's metadata asking for an extra that does not exist, say) and
# everything else go to $(LOG).
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "installing Saring and its dependencies into $(VENV) (log: $(LOG)) ..."
	@rm -f $(LOG)
	@$(BIN)/python -m pip install -q -q --disable-pip-version-check --log $(LOG) -e '.[test]' >/dev/null 2>&1 \
	  || { status=$$?; echo "install failed (pip exit status $$status):"; \
	       { grep -E "ERROR: " $(LOG) | grep -v "present-rich" | sed -E 's/^[0-9T:,-]+ +//' | awk '!seen[$$0]++' \
	         | grep . || tail -n 15 $(LOG); } | sed 's/^/  /'; \
	       echo "the whole log: $(LOG)"; exit $$status; }
	@touch $(STAMP)
	@echo "done: $$($(BIN)/saring --version) in $(VENV) (. $(VENV)/bin/activate, or run $(BIN)/saring)"

install: $(STAMP)

# Crawl the offline mirror of the fixture sites with every family spider; out/articles.jsonl + a summary.
demo: $(STAMP)
	$(BIN)/python -m testing.demo

# Clean the five fixture page texts and print their records.
demo-clean: $(STAMP)
	$(BIN)/saring clean fixtures/text --urls fixtures/text/urls.tsv

# ruff, then the layout check: no import cycle, no site family named outside its folder.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m testing.check_layout

# The distributed-crawl tests start a real redis-server (Debian's package); install it when missing.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing Debian's redis-server for the distributed-crawl tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; fi; }

# The report test opens `saring report`'s HTML in a real headless browser: Debian's chromium; install it when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the report's browser test"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

test: $(STAMP) lint redis-server chromium
	$(BIN)/python -m pytest

clean-venv:
	rm -rf $(VENV)
