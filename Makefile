# Front door: `make` extracts raw_docs/ into extracted/, `make test`, `make bench`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
IN     ?= raw_docs
OUT    ?= extracted
WORKERS ?= 1
SHARED ?= ../shared

.PHONY: all extract plots test bench lint docs score evalset clean

all: extract plots

# The virtual environment is made on first use and refreshed when the
# dependencies change.
$(STAMP): pyproject.toml
	sh scripts/system-deps.sh runtime
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The CLI itself skips unchanged documents (cache keyed by content + version)
# and returns at once when nothing changed at all.
extract: $(STAMP)
	$(BIN)/python -m pipeline run $(IN) --out $(OUT) --workers $(WORKERS)

# The analysis notebook, rerun when the tables change: plots in $(OUT)/plots/.
PLOTS := $(OUT)/plots/.done
plots: $(PLOTS)
$(PLOTS): notebooks/analysis.ipynb $(wildcard $(OUT)/*.parquet) | extract
	EXTRACTED_DIR=$(abspath $(OUT)) PLOTS_DIR=$(abspath $(OUT))/plots MPLCONFIGDIR=$(abspath $(VENV))/.mpl \
	  IPYTHONDIR=$(abspath $(VENV))/.ipython JUPYTER_RUNTIME_DIR=$(abspath $(VENV))/.jupyter-runtime \
	  $(BIN)/jupyter execute --timeout=600 notebooks/analysis.ipynb
	touch $@

test: $(STAMP)
	sh scripts/system-deps.sh test
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pipeline bench $(IN)

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

docs: $(STAMP)
	$(BIN)/python -m pipeline schema --output docs/data_dictionary.md

score: extract
	$(BIN)/python $(SHARED)/eval/score.py $(OUT) $(SHARED)/corpus/gold

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/extraction.xlsx $(OUT)/.cache $(OUT)/.manifest.json

# The project's own evaluation set: tests/evalset/src/*.html printed to PDF,
# extracted, and scored against tests/evalset/gold/ with the reference scorer.
EVAL := build/evalset
evalset: $(STAMP)
	rm -rf $(EVAL)/pdf $(EVAL)/gold && mkdir -p $(EVAL)/gold
	$(BIN)/python tests/evalset/build.py $(EVAL)/pdf >/dev/null
	cp tests/evalset/gold/*.json $(EVAL)/gold/
	$(BIN)/python -m pipeline run $(EVAL)/pdf --out $(EVAL)/out --quiet --no-review || true
	$(BIN)/python $(SHARED)/eval/score.py $(EVAL)/out $(EVAL)/gold $(if $(VERBOSE),--verbose)
