# Two entry points for a newcomer: `make seeds` (run the pipeline on the seeds with the embedded
# model) and `make test` (everything CI checks). Both install what they need first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Portable llama.cpp build: a wheel cached on one CPU must not crash on another (GGML_NATIVE off).
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

.PHONY: install browser seeds test lint types contracts docs docs-check schemas eval-seeds bench clean

$(BIN)/summarizer: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --quiet -e '.[embedded,dev]'
	touch $@

install: $(BIN)/summarizer

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

seeds: install
	$(BIN)/summarizer run seeds/ --out out/

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy summarizer

contracts: install
	$(BIN)/lint-imports

docs: install
	$(BIN)/typer summarizer.cli.app utils docs --name summarizer --title "summarizer CLI reference" --output docs/cli.md

docs-check: install
	$(BIN)/typer summarizer.cli.app utils docs --name summarizer --title "summarizer CLI reference" --output /tmp/summarizer-cli.md
	diff -u docs/cli.md /tmp/summarizer-cli.md || { echo "docs/cli.md drifted from --help: run make docs"; exit 1; }

schemas: install
	$(BIN)/python -m summarizer.models.export

eval-seeds: install
	$(BIN)/summarizer model pull default
	COLUMNS=160 $(BIN)/summarizer eval --gold evals/gold/seeds.jsonl --out test-artifacts/eval-seeds.json --extract-out test-artifacts/seeds-out --floor evals/floor.json

test: install browser
	$(BIN)/summarizer model pull small
	$(BIN)/pytest -q
	$(MAKE) --no-print-directory lint types contracts docs-check eval-seeds

bench: install
	$(BIN)/python bench/run_bench.py

clean:
	rm -rf out merged report.html test-artifacts .summarizer
