#!/usr/bin/env bash
# Set up from nothing, check the shipped rules, score the sample bundle of xã Quảng An, and
# rank the sample province (evidence/: Quảng An and 24 synthetic communes).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/cchc-index validate rules/*
.venv/bin/cchc-index score evidence/quang-an-2020
.venv/bin/cchc-index batch evidence --quiet
