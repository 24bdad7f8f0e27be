#!/usr/bin/env bash
# Set up from nothing, then lint, type-check, validate the shipped rules and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The browser tests of the web page drive Debian's Chromium (Playwright never downloads one).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq \
      && apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation) \
      || echo "test.sh: chromium could not be installed; the browser tests will say so" >&2
  else
    echo "test.sh: /usr/bin/chromium missing and apt-get unavailable; the browser tests will say so" >&2
  fi
fi
.venv/bin/ruff check cchc_index tests
.venv/bin/ruff format --check cchc_index tests
.venv/bin/mypy cchc_index
.venv/bin/lint-imports
.venv/bin/cchc-index validate rules/* tests/frameworks/*
.venv/bin/cchc-index test rules/* tests/frameworks/*
.venv/bin/python -m pytest -p no:cacheprovider
