#!/usr/bin/env bash
# Set up from nothing, then lint, type-check, validate the shipped rules and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# valgrind runs the durable_rules C core on the batch path (tests/test_valgrind.py, marked slow)
if ! command -v valgrind >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq valgrind >/dev/null) \
        || echo "valgrind could not be installed: tests/test_valgrind.py will say so" >&2
fi
.venv/bin/ruff check cchc_index tests
.venv/bin/ruff format --check cchc_index tests
.venv/bin/mypy cchc_index
.venv/bin/lint-imports
.venv/bin/cchc-index validate rules/* tests/frameworks/*
.venv/bin/cchc-index test rules/* tests/frameworks/*
.venv/bin/python -m pytest -p no:cacheprovider
