#!/usr/bin/env bash
# Create .venv with Python 3.11 and install cchc-index with its pinned dependencies.
# durable-rules has no wheel: pip builds it with the C compiler (about 5 s).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
"$PY" -c 'import sys; assert (3, 11) <= sys.version_info[:2] < (3, 13), "cchc-index needs Python 3.11 or 3.12"'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
# Bytecode for the package itself: an editable install has none, and this environment may set
# PYTHONDONTWRITEBYTECODE, so every cold start would compile ~80 modules (~25-50 ms).
.venv/bin/python -m compileall -q cchc_index
