# Two commands set up a fresh machine: `make demo` and `make test`. Both create .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench bench-scale check lint clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per set of extras, so `make test` does not pull the benchmark comparators.
$(VENV)/.installed-base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-base

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-base

$(VENV)/.installed-check: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[check]'
	touch $@ $(VENV)/.installed-base

demo: $(VENV)/.installed-base
	$(BIN)/monitor demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/extract_stress.py
	$(BIN)/python bench/match.py
	$(BIN)/python bench/fold.py
	$(BIN)/python bench/long_pages.py --copies 3000
	$(BIN)/python bench/search.py
	$(BIN)/python bench/seed.py
	$(BIN)/python bench/import_scale.py 5000 --repeats 3
	$(BIN)/python bench/poll_cpu.py 2000 --repeats 3
	$(BIN)/python bench/poll.py --runs 3
	test -f bench/out/search20k.db || (mkdir -p bench/out && $(BIN)/python bench/search_scale.py build bench/out/search20k.db 20000)
	$(BIN)/python bench/search_scale.py run bench/out/search20k.db
	$(BIN)/python bench/search_scale.py web bench/out/search20k.db
	$(BIN)/python bench/startup.py

# The 1M-article run (~7 GB in $(SCALE_DB), ~30 min to generate on 2 cores): search latency at
# 1M, then the same 5,000 articles imported into the 10k and the 1M store in turn, three rounds.
# (`bench/import_scale.py build DB N` makes a store through the real import path instead: hours.)
SCALE_DB ?= bench-scale/monitor.db
SCALE_SMALL ?= $(dir $(SCALE_DB))small.db
bench-scale: $(VENV)/.installed-bench
	mkdir -p $(dir $(SCALE_DB))
	test -f $(SCALE_DB) || $(BIN)/python bench/search_scale.py build $(SCALE_DB) 1000000
	test -f $(SCALE_SMALL) || $(BIN)/python bench/search_scale.py build $(SCALE_SMALL) 10000
	$(BIN)/python bench/search_scale.py run $(SCALE_DB)
	$(BIN)/python bench/search_scale.py web $(SCALE_DB)
	$(BIN)/python bench/import_scale.py into $(SCALE_SMALL) $(SCALE_DB) --n 5000 --repeats 3  # adds 15,000 to each

# The house checks: lint, types, the Dockerfile and the bundled config. CI runs this before the tests.
check: lint
	$(BIN)/monitor check-config --no-secrets

lint: $(VENV)/.installed-check
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

# Headless Chromium for the browser test (tests/test_web.py) and a small CJK font for its
# screenshots: Debian's packages, installed as root (CI runs as root); skipped when present.
browser:
	@if command -v chromium >/dev/null && fc-list :lang=zh | grep -q .; then echo "chromium and a CJK font: present"; \
	else apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; fi

clean:
	rm -rf $(VENV) demo-data build src/*.egg-info .mypy_cache .ruff_cache artifacts
