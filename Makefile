# Every target is self-contained on a fresh machine: it creates .venv when missing.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build serve test check clean fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/dossier check --content content

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)

# The long fuzzing profile (issue: hostile input): 20,000 examples per property.
fuzz: $(STAMP)
	DOSSIER_FUZZ_EXAMPLES=20000 $(BIN)/python -m pytest -q tests/test_fuzz.py -p no:cacheprovider
