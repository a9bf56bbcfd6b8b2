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

# The example CrewAI crew (examples/blog-crew/) runs in a venv of its own: crewai pins many packages.
CREWAI_VERSION := 1.15.30
CREW_ENV := .build/crew-venv
CREW_PY := $(CREW_ENV)/bin/python

.PHONY: all deps python-env test-deps crew-env build release test demo record-demo bench ragtruth screenshot chromium clean help

all: build

help:
	@echo "make demo   install what is missing, build, replay the demo suite's two prompt versions, compare and gate them, write reports/demo.html"
	@echo "make test   install what is missing, build, run every test (unit, end-to-end, the real example crew)"
	@echo "make bench  release build; speed figures: scoring, the runner, the store, compare, the reports"
	@echo "make record-demo  run the example crew for prompt-v1 and prompt-v2 into suites/recordings/"
	@echo "make screenshot  reports/demo.html (from make demo) as reports/demo.png in headless Chromium"
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

# Creates the venv and installs crewai only when crewai==$(CREWAI_VERSION) is not importable there
# (a venv left without pip by a missing python3-venv is made again).
crew-env:
	@$(CREW_PY) -c 'import importlib.util as u, importlib.metadata as m, sys; sys.exit(u.find_spec("crewai") is None or m.version("crewai") != "$(CREWAI_VERSION)")' 2>/dev/null || { \
		{ $(CREW_PY) -m pip --version >/dev/null 2>&1 || { rm -rf $(CREW_ENV) && $(PYTHON) -m venv $(CREW_ENV) 2>/dev/null; } || { \
			echo "installing python3-venv"; \
			$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null && \
			rm -rf $(CREW_ENV) && $(PYTHON) -m venv $(CREW_ENV); }; } && \
		echo "installing crewai==$(CREWAI_VERSION) into $(CREW_ENV) (a few minutes, once)" && \
		$(CREW_PY) -m pip install -q --disable-pip-version-check crewai==$(CREWAI_VERSION); }

# Unit and end-to-end tests, the real example crew through `evalcrew run`, and the trace module on
# real CrewAI kickoffs.
test: test-deps crew-env
	$(SWIFT) build --build-tests
	EVALCREW_PYTHON=$(abspath $(PY)) $(SWIFT) test --skip-build
	$(CREW_PY) integrations/crewai/test_evalcrew_trace.py

DEMO := suites/demo.yaml
DEMO_RECORDINGS := suites/recordings

# The demo suite's recordings (made by the real example crew, `make record-demo`) replayed into the
# embedded store (.evalcrew/evalcrew.db), three repeats per topic, once per prompt version.
demo: build
	@echo "== one output scored: the native fixture against its sources =="
	$(BIN) score $(FIXTURES)/native/crew_output.model_dump_json.json --sources $(FIXTURES)/sources
	@echo
	@echo "== the demo suite, prompt-v1 (3 topics x 3 repeats, replayed) =="
	$(BIN) run $(DEMO) --replay-dir $(DEMO_RECORDINGS)/prompt-v1 --label prompt-v1 --repeat 3
	@echo
	@echo "== the demo suite, prompt-v2 =="
	$(BIN) run $(DEMO) --replay-dir $(DEMO_RECORDINGS)/prompt-v2 --label prompt-v2 --repeat 3
	@echo
	@echo "== the store =="
	$(BIN) runs list --suite demo
	@echo
	@echo "== prompt-v2 against prompt-v1 =="
	$(BIN) compare label:prompt-v1 label:prompt-v2 --suite demo
	@echo
	@echo "== the suite's gates on prompt-v2, prompt-v1 as the baseline (its planted defects fail them: exit 1) =="
	-$(BIN) gate label:prompt-v2 --suite demo --baseline label:prompt-v1
	@echo
	@echo "== the reports: prompt-v2 against prompt-v1 (open reports/demo.html; make screenshot) =="
	$(BIN) report label:prompt-v2 --compare label:prompt-v1 --suite demo --html reports/demo.html --junit reports/demo.xml --markdown -

# Every case of the demo suite x prompt-v1, prompt-v2 x 3 repeats through the example crew, into
# suites/recordings/<version>/<case>@<n>.json + .trace.jsonl; then checked against the planted defects.
record-demo: crew-env build
	$(CREW_PY) examples/blog-crew/record.py $(DEMO)
	$(CREW_PY) examples/blog-crew/check_recordings.py --evalcrew $(BIN)

bench: release python-env
	@$(PY) -c 'import bm25s, rank_bm25' 2>/dev/null || $(PY) -m pip install -q --disable-pip-version-check $(BENCH_PACKAGES)
	$(PY) bench/score_bench.py $(RELEASE_BIN)
	$(SWIFT) build -c release --static-swift-stdlib --product evalcrew-store-bench
	.build/release/evalcrew-store-bench
	$(SWIFT) build -c release --static-swift-stdlib --product evalcrew-compare-bench
	.build/release/evalcrew-compare-bench $(RELEASE_BIN)
	$(PY) bench/run_bench.py $(RELEASE_BIN) .build/release/evalcrew-store-bench
	$(SWIFT) build -c release --static-swift-stdlib --product evalcrew-report-bench
	.build/release/evalcrew-report-bench

# reports/demo.html (written by `make demo`, or any report copied there) rendered by headless
# Chromium into reports/demo.png, to look at the report as a reader sees it.
SCREENSHOT_HTML ?= reports/demo.html
SCREENSHOT_PNG ?= reports/demo.png
SCREENSHOT_SIZE ?= 1400,3000

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian package: chromium"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

screenshot: chromium
	@[ -f $(SCREENSHOT_HTML) ] || { echo "no $(SCREENSHOT_HTML): run make demo first (or set SCREENSHOT_HTML=FILE)"; exit 2; }
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=$(SCREENSHOT_SIZE) \
		--screenshot=$(abspath $(SCREENSHOT_PNG)) file://$(abspath $(SCREENSHOT_HTML))
	@echo "wrote $(SCREENSHOT_PNG)"

# The RAGTruth split is the team's external benchmark, not part of the repository.
RAGTRUTH ?= ../shared/benchmarks/ragtruth-dev
ragtruth: release
	@[ -f $(RAGTRUTH)/eval.py ] || { echo "no RAGTruth split at $(RAGTRUTH): set RAGTRUTH=path/to/ragtruth-dev"; exit 2; }
	$(PYTHON) $(RAGTRUTH)/eval.py $(RELEASE_BIN) --jobs 2

clean:
	rm -rf .build
