#!/usr/bin/env bash
# Set up from nothing, check the shipped rules, and score the sample bundle of xã Quảng An.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/cchc-index validate rules/*
.venv/bin/cchc-index score evidence/quang-an-2020
