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
.venv/bin/cchc-index validate rules tests/frameworks
.venv/bin/cchc-index test rules tests/frameworks
# The wheel and sdist build (tests/test_install.py also installs the wheel in a fresh venv and
# runs it from outside the clone); the docs site builds with every link and anchor checked.
rm -rf dist && .venv/bin/python -m build --outdir dist . >/dev/null
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet
# Two workers on the two cores (pytest-xdist): the whole suite, slow tests included, in ~6 min.
.venv/bin/python -m pytest -p no:cacheprovider -n auto
