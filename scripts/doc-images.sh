#!/usr/bin/env bash
# Remake the reference images in docs/images from the sample bundle: each document rendered
# as a person opens it (LibreOffice for DOCX and XLSX, Chromium for HTML), one page as PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p docs/images
.venv/bin/cchc-index score evidence/quang-an-2020 -o "$out/bao-cao.docx"
.venv/bin/cchc-index score evidence/quang-an-2020 -o "$out/lam-viec.xlsx"
.venv/bin/cchc-index score evidence/quang-an-2020 -o "$out/bao-cao.html"
.venv/bin/cchc-index score evidence/so-mau/so-tu-phap-ca-mau-2013 -o "$out/so-bao-cao.pdf"
.venv/bin/cchc-index batch evidence/tinh-mau -q -o "$out/xep-hang.pdf"
soffice -env:UserInstallation="file://$out/lo" --headless --convert-to pdf --outdir "$out" \
    "$out/bao-cao.docx" "$out/lam-viec.xlsx" >/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --user-data-dir="$out/chromium" \
    --no-pdf-header-footer --print-to-pdf="$out/bao-cao-html.pdf" "file://$out/bao-cao.html" 2>/dev/null
page() { pdftoppm -r 70 -png -singlefile -f "$2" -l "$2" "$out/$1" "docs/images/$3"; }
page bao-cao.pdf 1 docx-bao-cao           # the Báo cáo, portrait
page bao-cao.pdf 3 docx-phu-luc           # the first page of the Phụ lục, landscape
page lam-viec.pdf 1 xlsx-bang-tu-danh-gia # the working sheet as printed
page bao-cao-html.pdf 1 html-trang-1      # the HTML report printed from Chromium
page bao-cao-html.pdf 2 html-trang-2
page so-bao-cao.pdf 1 pdf-so-bao-cao      # a department's report: its own header and signature
page xep-hang.pdf 1 xep-hang-trang-1      # the province's published ranking
page xep-hang.pdf 2 xep-hang-trang-2
ls -l docs/images
