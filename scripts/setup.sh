#!/usr/bin/env bash
# Create .venv with Python 3.11 or 3.12 and install cchc-index with its pinned dependencies.
# durable-rules has no wheel: pip builds it with the C compiler (about 5 s); it does not build
# on Python 3.13 yet, hence the version check before anything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
supported='import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else 1)'
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for candidate in python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "$supported" 2>/dev/null; then
      PY=$candidate
      break
    fi
  done
fi
if [ -z "$PY" ] || ! "$PY" -c "$supported" 2>/dev/null; then
  found=$({ "${PY:-python3}" --version || python3.13 --version || echo "không có"; } 2>/dev/null | head -n 1)
  echo "cchc-index cần Python 3.11 hoặc 3.12 (máy này có: ${found:-không có}): hãy cài python3.12 (Debian/Ubuntu: apt-get install python3.12 python3.12-venv) rồi chạy lại, hoặc đặt PYTHON=/đường/dẫn/tới/python3.12." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
# Bytecode for the package itself: an editable install has none, and this environment may set
# PYTHONDONTWRITEBYTECODE, so every cold start would compile ~80 modules (~25-50 ms).
.venv/bin/python -m compileall -q cchc_index
