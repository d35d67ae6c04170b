#!/usr/bin/env bash
# Renders the first page of a PDF (an invoice, receipt or credit note downloaded from the BFF) to a PNG, to look at it.
# Usage: scripts/render-pdf.sh document.pdf [out.png]   (needs poppler-utils: sudo apt-get install -y poppler-utils)
set -euo pipefail
pdf=${1:?usage: render-pdf.sh document.pdf [out.png]}
out=${2:-${pdf%.pdf}.png}
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: sudo apt-get install -y poppler-utils" >&2; exit 2; }
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$pdf" "${out%.png}"
echo "$out"
