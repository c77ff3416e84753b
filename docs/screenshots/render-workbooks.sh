#!/usr/bin/env bash
# Renders the workbooks of docs/excel.md to PNG: the blank county template (基本数据), a converted submission's
# 执法决定 sheet, and the review matrix of the examples. LibreOffice (headless) prints each workbook to PDF as Excel
# would print it (the page setup the workbook carries), and poppler's pdftoppm draws the page that holds the sheet.
# Needs: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-noto-cjk. Run from the repository: npm run docs:screenshots
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plancheck() { node dist/cli/main.js "$@"; }

plancheck template --level county --year 2024 --format xlsx --out "$work/template.xlsx"
plancheck convert examples/county-2024-with-failures.yaml --to xlsx --out "$work/converted.xlsx"
mkdir "$work/submissions" && cp examples/*.yaml "$work/submissions/"
plancheck review "$work/submissions" --format xlsx --out "$work/review.xlsx" || true # exit 1: the examples fail targets

soffice --headless --convert-to pdf --outdir "$work" "$work/template.xlsx" "$work/converted.xlsx" "$work/review.xlsx" >/dev/null

# The first page whose text holds a marker: the page where a sheet begins.
page_with() {
  local pdf=$1 marker=$2 pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  for ((p = 1; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "$marker"; then echo "$p"; return; fi
  done
  echo "no page of $pdf holds $marker" >&2
  exit 1
}

# One page as PNG, at 110 dpi, cut to its top `height` pixels (the sheets are short; the paper is not).
draw() {
  local pdf=$1 page=$2 name=$3 height=$4
  pdftoppm -png -r 110 -f "$page" -l "$page" -x 0 -y 0 -W 1290 -H "$height" -singlefile "$pdf" "$out/$name"
}

draw "$work/template.pdf" "$(page_with "$work/template.pdf" '条款与要求')" template-basic 900
draw "$work/converted.pdf" "$(page_with "$work/converted.pdf" '决定书文号')" converted-decisions 330
draw "$work/review.pdf" 1 review-matrix 470
ls -l "$out"/*.png
