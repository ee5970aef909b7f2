# Two commands on a fresh machine: `make lab` and `make test`.
# Both create .venv on first use and reinstall only when pyproject.toml or the pins change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP_VERSION := 26.3
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
PORT ?= 8888

.PHONY: lab test venv lint bench lock clean

venv: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==$(PIP_VERSION)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e ".[lab,dev,bench]"
	@# An editable install is not byte-compiled; pip compiles a wheel's modules at install.
	$(BIN)/python -m compileall -q src
	@touch $(STAMP)

# Browser tests drive Debian's Chromium; Playwright cannot download its own browser here.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium

lab: $(STAMP)
	$(BIN)/sourcecrit lab --port $(PORT)

test: $(STAMP) $(CHROMIUM) lint
	$(BIN)/python -m pytest

# Lint, format and types: part of `make test`, so CI fails on any of them.
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py ../shared/data/polnear/dev/text

lock:
	rm -rf /tmp/sourcecrit-lock && $(PYTHON) -m venv /tmp/sourcecrit-lock
	/tmp/sourcecrit-lock/bin/pip install --quiet "pip==$(PIP_VERSION)" && /tmp/sourcecrit-lock/bin/pip install --quiet -e ".[lab,dev,bench]"
	(echo '# Pinned versions for `make lab` / `make test` (pip constraints). Regenerate with `make lock`.'; \
	 /tmp/sourcecrit-lock/bin/pip freeze --exclude-editable) > requirements/constraints.txt

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
