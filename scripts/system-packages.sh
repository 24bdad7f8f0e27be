#!/usr/bin/env bash
# Install the Debian tools the slow tests use (LibreOffice headless, poppler, Chromium, Liberation
# fonts 1 and 2, valgrind for the durable_rules C core, Tesseract with Vietnamese for verify) when one is missing. Runs as root with no stdin (CI); elsewhere it says
# what it could not do and the slow tests skip with that reason (outside CI only).
set -uo pipefail
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null || missing+=(poppler-utils)
command -v chromium >/dev/null || missing+=(chromium)
# The province server's tests start a throwaway PostgreSQL cluster (tests/server/pg.py).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation)
# Liberation 1.07 has no Vietnamese letters (ạ, ư, ế …): LibreOffice would fall back to DejaVu.
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
command -v valgrind >/dev/null || missing+=(valgrind)
# OCR of scanned evidence (cchc-index verify): Tesseract and its Vietnamese model
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || missing+=(tesseract-ocr-vie)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "system-packages: not root or no apt-get; missing: ${missing[*]} (document tests will skip)" >&2
    exit 0
fi
echo "system-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -q </dev/null >&2 &&
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2 ||
    echo "system-packages: install failed for ${missing[*]}" >&2
exit 0
