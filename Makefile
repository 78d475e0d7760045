# Every target is self-contained on a fresh machine: it creates .venv when missing.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build serve test lint check clean fuzz chromium lock wheelhouse

# The browser tests (tests/browser/) drive this Chromium: Debian's package by default.
DOSSIER_CHROMIUM ?= /usr/bin/chromium
export DOSSIER_CHROMIUM

# Installs exactly the versions of requirements.lock, then the project itself without
# resolving anything again: the suite runs against what it last passed with.
#
# The lock's packages are kept in a folder of their own (WHEELHOUSE, under ~/.cache, named by
# the lock's digest and the Python it is for): fetched once with every hash checked, PyICU
# (published as source only) built there once. Every later install of the same lock, in any
# clone, reads them from there without asking the package registry about each of the ~130:
# an install took 90-100 s, of which about 40 s went to those questions. A changed lock gets
# a new folder; should one not be made, the install asks the registry, hashes checked, as before.
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
LOCK_DIGEST := $(shell sha256sum requirements.lock 2>/dev/null | cut -c1-16)
PY_TAG := $(shell $(PYTHON) -c "import sys, sysconfig; print(sysconfig.get_platform() + '-py%d%d' % sys.version_info[:2])" 2>/dev/null)
WHEELHOUSE ?= $(HOME)/.cache/dossier/packages-$(LOCK_DIGEST)-$(PY_TAG)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -f "$(WHEELHOUSE)/complete" || $(MAKE) --no-print-directory wheelhouse || \
	  echo "make: the packages could not be kept in $(WHEELHOUSE): installing from the registry"
	if [ -f "$(WHEELHOUSE)/complete" ]; then \
	  $(PIP) install --no-index --find-links "$(WHEELHOUSE)" --no-deps -r "$(WHEELHOUSE)/pins.txt"; \
	else \
	  $(PIP) install --require-hashes -r requirements.lock; \
	fi
	$(PIP) install --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

# The folder of the lock's packages (above), made whole or not at all.
wheelhouse:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	rm -rf "$(WHEELHOUSE).part"
	$(PIP) download --require-hashes --no-deps -r requirements.lock -d "$(WHEELHOUSE).part"
	for source in "$(WHEELHOUSE).part"/*.tar.gz "$(WHEELHOUSE).part"/*.zip; do \
	  [ ! -e "$$source" ] || { $(PIP) wheel --no-deps -w "$(WHEELHOUSE).part" "$$source" && rm "$$source"; } || exit 1; \
	done
	grep -E '^[A-Za-z0-9][A-Za-z0-9._-]*==' requirements.lock | cut -d' ' -f1 > "$(WHEELHOUSE).part/pins.txt"
	touch "$(WHEELHOUSE).part/complete"
	rm -rf "$(WHEELHOUSE)" && mv "$(WHEELHOUSE).part" "$(WHEELHOUSE)"

# Regenerates requirements.lock from pyproject.toml at the newest versions it allows
# (README, "The lock file"). Run `make test` afterwards, and commit both files together.
PIP_TOOLS := pip-tools==7.6.2
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check '$(PIP_TOOLS)'
	$(BIN)/pip-compile --quiet --upgrade --extra test --all-build-deps --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

# Checks first (every problem at once, as `dossier check` prints it), then builds into
# site.new and replaces site/ only when the build succeeded: a failed build never leaves
# the last good site emptied.
build: $(STAMP)
	$(BIN)/dossier check --content content
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new || { rm -rf site.new; exit 1; }
	rm -rf site && mv site.new site

# The preview: a dossier with errors shows them on every page instead of stopping, and
# warnings (the dossier's or MkDocs') never stop it; `make build` and CI stay strict.
serve: $(STAMP)
	$(BIN)/mkdocs serve --no-strict

check: $(STAMP)
	$(BIN)/dossier check --content content

# Lint and types first: a finding fails the suite before the tests run. The tests run in
# parallel (pytest-xdist), one worker more than the cores: the browser tests spend much of
# their time waiting for Chromium and the pages' server, and the spare worker keeps the cores
# busy meanwhile (on 2 cores, when last compared, the suite took about 1.5 min less than with 2).
# A test file stays on one worker, so the sites its module fixtures build are built once.
# The slowest tests are listed at the end: where the suite's ten minutes go.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
# Our modules are byte-compiled first: where PYTHONDONTWRITEBYTECODE is set (as on this CI
# host), Python never keeps what it compiles, and each of the hundreds of builds and commands
# the tests start compiled them again (0.85 → 0.71 s of CPU to import the plugin and the CLI).
# A module edited since is compiled afresh on import, as always: a stale cache is never read.
test: $(STAMP) chromium lint
	$(BIN)/python -m compileall -q dossier plugins tests benchmarks
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=25

# Lint and format check (ruff) and strict type check (mypy), as configured in pyproject.toml.
# mypy keeps its cache beside the lock's packages (one per lock and Python), not in the clone:
# a fresh clone then checks in 1 s instead of 15 s. The cache is sound across clones: mypy
# checks each module's source hash against it and checks again what changed and what depends
# on it (a type error put in a clone using another clone's cache is found, with its dependents).
MYPY_CACHE ?= $(HOME)/.cache/dossier/mypy-$(LOCK_DIGEST)-$(PY_TAG)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --cache-dir "$(MYPY_CACHE)"

# Installs Debian's Chromium for the browser tests when it is missing and we are root;
# otherwise says how. Without it the browser tests are skipped, or fail under CI=true.
chromium:
	@if [ ! -x "$(DOSSIER_CHROMIUM)" ]; then \
	  if [ "$(DOSSIER_CHROMIUM)" = /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
	    echo "make: installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null || \
	      echo "make: could not install chromium; the browser tests will say why they cannot run"; \
	  else \
	    echo "make: no Chromium at $(DOSSIER_CHROMIUM): the browser tests need one."; \
	    echo "      Install it with 'sudo apt-get install chromium', or point DOSSIER_CHROMIUM at a"; \
	    echo "      Chromium or Chrome executable. Without it the browser tests are skipped (CI=true: they fail)."; \
	  fi; \
	fi

clean:
	rm -rf site site.new $(VENV)

# The long fuzzing profile (issue: hostile input): 20,000 examples per property.
fuzz: $(STAMP)
	DOSSIER_FUZZ_EXAMPLES=20000 $(BIN)/python -m pytest -q tests/test_fuzz.py -p no:cacheprovider

# The scale benchmark (benchmarks/README.md): dossiers of 100 to 10,000 articles against plain
# MkDocs + Material; about half an hour on 2 cores. `make bench SIZES=100,1000` for a quick one.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(if $(SIZES),--sizes $(SIZES))
