#!/usr/bin/env bash
# Renders printed pages of the notices to PNG: `plancheck notices` over the examples, with the examples' roster,
# prints each notice to PDF with Chromium, and poppler's pdftoppm draws
# - the county's rectification notice (整改通知), pages 1 and 2: the running head and the foot with the pack's and the
#   submission's sha256 on each page (notice-page-1.png, notice-page-2.png);
# - the notice to file (催报通知) of a bureau on the roster that sent nothing for 2024, whose foot names the roster and
#   its sha256 instead of a submission (notice-page-not-filed.png).
# Needs: apt-get install -y chromium poppler-utils fonts-noto-cjk. Run from the repository after npm run build.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

root=$PWD
mkdir "$work/报送" && cp examples/*.yaml "$work/报送/" && cp examples/roster.csv "$work/名册.csv"
# Run inside the work folder, so that the pages name the submission and the roster as a reviewer would see them.
# Exit 1: the examples fail targets, and bureaus on the roster have not filed.
(cd "$work" && node "$root/dist/cli/main.js" notices 报送 --roster 名册.csv --out notices) || test $? -eq 1

pdf="$work/notices/示例县人力资源和社会保障局-2024.pdf"
pdftoppm -png -r 80 -f 1 -l 2 "$pdf" "$work/page"
cp "$work/page-1.png" "$out/notice-page-1.png"
cp "$work/page-2.png" "$out/notice-page-2.png"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/notices/示例区人力资源和社会保障局-2024.pdf" "$work/not-filed"
cp "$work/not-filed.png" "$out/notice-page-not-filed.png"
ls -l "$out"/notice-page-*.png
