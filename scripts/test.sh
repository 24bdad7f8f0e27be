#!/usr/bin/env bash
# Set up from nothing, then lint, type-check, validate the shipped rules and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# LibreOffice renders the PDF fixture of the import-framework tests (tests/importer, slow)
if ! command -v soffice >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui
fi
.venv/bin/ruff check cchc_index tests
.venv/bin/ruff format --check cchc_index tests
.venv/bin/mypy cchc_index
.venv/bin/cchc-index validate rules/* tests/frameworks/*
.venv/bin/cchc-index test rules/* tests/frameworks/*
.venv/bin/python -m pytest -p no:cacheprovider
