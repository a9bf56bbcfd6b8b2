# evalcrew — set-up, build, test, demo and bench. On a fresh machine `make demo` and `make test`
# install what is missing (Debian -dev packages, Python test helpers) and do the rest.

SWIFT ?= swift
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev libsqlite3-dev libxml2-dev pkg-config
# Tests re-print fixtures with the rich version that printed them.
PYTHON_TEST_PACKAGES := rich==14.3.4 pydantic jsonschema
BENCH_PACKAGES := bm25s rank-bm25
# Python packages go into a virtual environment of the project's own (Debian's system Python is
# "externally managed" and refuses pip installs).
PY_ENV := .build/python
PY := $(PY_ENV)/bin/python
BIN := .build/debug/evalcrew
RELEASE_BIN := .build/release/evalcrew
FIXTURES := Tests/Fixtures/crewai-1.15.30
SEEDS := Tests/Fixtures/seeds

.PHONY: all deps python-env test-deps build release test demo bench ragtruth clean help

all: build

help:
	@echo "make demo   install what is missing, build, score the bundled examples"
	@echo "make test   install what is missing, build, run every test (unit, end-to-end, rich widths)"
	@echo "make bench  release build; speed figures against the Python reference"
	@echo "make ragtruth  the grounding scorer on the RAGTruth dev split (RAGTRUTH=path/to/ragtruth-dev)"

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

python-env:
	@[ -x $(PY) ] || $(PYTHON) -m venv $(PY_ENV) 2>/dev/null || { \
		echo "installing python3-venv"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null && \
		rm -rf $(PY_ENV) && $(PYTHON) -m venv $(PY_ENV); }

test-deps: deps python-env
	@$(PY) -c 'import importlib.metadata as m, sys; sys.exit(0 if m.version("rich") == "14.3.4" and m.version("pydantic") and m.version("jsonschema") else 1)' 2>/dev/null || \
		{ echo "installing Python test packages: $(PYTHON_TEST_PACKAGES)"; $(PY) -m pip install -q --disable-pip-version-check $(PYTHON_TEST_PACKAGES); }

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked statically: a third less process start-up, which is
# most of what scoring one post costs.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

test: test-deps
	$(SWIFT) build --build-tests
	EVALCREW_PYTHON=$(abspath $(PY)) $(SWIFT) test --skip-build

demo: build
	@echo "== seed 000: a rich-printed CrewOutput in a terminal capture (basis: the blueprint's evidence) =="
	$(BIN) score $(SEEDS)/000_b6de7b43fd6f3f83.txt
	@echo
	@echo "== seed 001: a plain generated post (no blueprint, no basis) =="
	$(BIN) score $(SEEDS)/001_e9839e506ff525b4.txt
	@echo
	@echo "== fixture native: CrewOutput JSON, checked against its source documents =="
	$(BIN) score $(FIXTURES)/native/crew_output.model_dump_json.json --sources $(FIXTURES)/sources
	@echo
	@echo "== fixture native-clean: the clean post, rich print at 80 columns, its own retrievals and the sources =="
	$(BIN) score $(FIXTURES)/native-clean/rich_print_result_w80.txt --sources $(FIXTURES)/sources

bench: release python-env
	@$(PY) -c 'import bm25s, rank_bm25' 2>/dev/null || $(PY) -m pip install -q --disable-pip-version-check $(BENCH_PACKAGES)
	$(PY) bench/score_bench.py $(RELEASE_BIN)

# The RAGTruth split is the team's external benchmark, not part of the repository.
RAGTRUTH ?= ../shared/benchmarks/ragtruth-dev
ragtruth: release
	@[ -f $(RAGTRUTH)/eval.py ] || { echo "no RAGTruth split at $(RAGTRUTH): set RAGTRUTH=path/to/ragtruth-dev"; exit 2; }
	$(PYTHON) $(RAGTRUTH)/eval.py $(RELEASE_BIN) --jobs 2

clean:
	rm -rf .build
