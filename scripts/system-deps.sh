#!/bin/sh
# Debian packages the project uses outside Python. Groups:
#   runtime  Tesseract with its French data (OCR of scanned pages)
#   test     DejaVu fonts (the suite draws its PDFs), LibreOffice Calc (spreadsheet-safety
#            check), LibreOffice Writer and Chromium (they print the evaluation set),
#            Chromium (the review site in a real browser, driven by Playwright)
# Installs what is missing when run as root with apt-get; otherwise says what
# is missing and goes on (OCR then marks scans "partial"; those tests skip).
set -e
pkgs=""
need() { dpkg -s "$1" >/dev/null 2>&1 || pkgs="$pkgs $1"; }
for group in "$@"; do
  case "$group" in
    runtime) need tesseract-ocr; need tesseract-ocr-fra ;;
    test) need fonts-dejavu-core; need libreoffice-calc-nogui; need libreoffice-writer-nogui; need chromium ;;
    *) echo "system-deps.sh: unknown group $group" >&2; exit 2 ;;
  esac
done
[ -z "$pkgs" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing system packages:$pkgs"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
else
  echo "note: missing system packages:$pkgs (apt-get install them as root)" >&2
fi
