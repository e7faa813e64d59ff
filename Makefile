# slant: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: install demo test lint bench bench-minilm bench-corpus bench-web browser clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# torch is installed first and pinned: the CPU wheel on this machine satisfies it,
# an unpinned torch would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install "torch==2.13.0"
	$(PY) -m pip install -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/slant compare src/slant/examples/harbor_left.txt src/slant/examples/harbor_right.txt

# Tests and benchmarks run with HOME, caches and TMPDIR in a throw-away folder and no model hub.
ISOLATE = tmp=$$(mktemp -d) && export HOME=$$tmp/home XDG_CACHE_HOME=$$tmp/cache HF_HOME=$$tmp/hf \
	TMPDIR=$$tmp HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 && mkdir -p $$HOME

# The browser tests drive Debian's Chromium through Playwright (no browser download from the web).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@echo "installing Debian's chromium for the browser tests"
	@if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium chromium-driver >/dev/null

browser: $(CHROMIUM)

test: lint $(CHROMIUM)
	@$(ISOLATE) && $(PY) -m pytest -q $(PYTEST_ARGS); rc=$$?; rm -rf "$$tmp"; exit $$rc

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src/slant

bench: $(STAMP)
	@$(ISOLATE) && $(PY) bench/bench_compare.py $(ARGS); rc=$$?; rm -rf "$$tmp"; exit $$rc

bench-minilm: $(STAMP)
	@$(ISOLATE) && $(PY) bench/bench_minilm.py $(ARGS); rc=$$?; rm -rf "$$tmp"; exit $$rc

bench-corpus: $(STAMP)
	@$(ISOLATE) && $(PY) bench/bench_corpus.py $(ARGS); rc=$$?; rm -rf "$$tmp"; exit $$rc

bench-web: $(STAMP)
	@$(ISOLATE) && $(PY) bench/bench_web.py $(ARGS); rc=$$?; rm -rf "$$tmp"; exit $$rc

clean:
	rm -rf $(VENV) build dist src/*.egg-info
