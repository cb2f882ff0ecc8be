#!/usr/bin/env bash
# Render an exported 任务清单 (.xlsx or .docx) the way it prints: LibreOffice (headless) makes a
# PDF, pdftoppm turns its pages into PNG images to look at.
#
# Usage: scripts/render-pages.sh FILE.xlsx|FILE.docx [OUT_DIR] [DPI]
#   OUT_DIR  where FILE.pdf and FILE-<page>.png go (default: the directory of FILE)
#   DPI      resolution of the PNG pages (default: 110)
# Prints the PDF's page count and the PNG files it wrote.
# Needs: soffice (LibreOffice), pdftoppm and pdfinfo (poppler-utils), CJK fonts (fonts-noto-cjk).
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "usage: $0 FILE.xlsx|FILE.docx [OUT_DIR] [DPI]" >&2
  exit 2
fi
input=$1
out_dir=${2:-$(dirname "$input")}
dpi=${3:-110}
for tool in soffice pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found (install libreoffice / poppler-utils)" >&2; exit 1; }
done
mkdir -p "$out_dir"
# Excel sizes columns by the width of a digit in Calibri; without Carlito (metric-compatible with
# Calibri) LibreOffice measures a wider fallback font, draws xlsx columns ~15% wider than Excel,
# and the fitted page comes out smaller and emptier than it prints from Excel.
if [[ "$input" == *.xlsx ]] && ! fc-match Calibri 2>/dev/null | grep -qi carlito; then
  echo "$0: note: Carlito font missing (apt-get install fonts-crosextra-carlito); xlsx pages will look emptier than in Excel" >&2
fi

# A private LibreOffice profile, so a running LibreOffice or a parallel render does not block this one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

name=$(basename "${input%.*}")
pdf="$out_dir/$name.pdf"
rm -f "$pdf"
if ! soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out_dir" "$input" \
  >"$profile/soffice.log" 2>&1 || [[ ! -f "$pdf" ]]; then
  cat "$profile/soffice.log" >&2
  echo "$0: LibreOffice wrote no PDF for $input" >&2
  exit 1
fi

rm -f "$out_dir/$name"-*.png
pdftoppm -png -r "$dpi" "$pdf" "$out_dir/$name"
echo "$pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages, $(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
ls -1 "$out_dir/$name"-*.png
