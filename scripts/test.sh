#!/usr/bin/env bash
# Set up from nothing, then lint, type-check, validate the shipped rules and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-packages.sh   # LibreOffice, poppler, Chromium, fonts for the document tests
.venv/bin/ruff check cchc_index tests
.venv/bin/ruff format --check cchc_index tests
.venv/bin/mypy cchc_index
.venv/bin/lint-imports
.venv/bin/cchc-index validate rules/* tests/frameworks/*
.venv/bin/cchc-index test rules/* tests/frameworks/*
.venv/bin/python -m pytest -p no:cacheprovider
