#!/usr/bin/env bash
# Renders the first two printed pages of a rectification notice (整改通知) to PNG: `plancheck notices` over the
# examples prints each notice to PDF with Chromium, and poppler's pdftoppm draws the county's pages 1 and 2, which
# show the running head and the foot with the pack's and the submission's sha256 on each page.
# Needs: apt-get install -y chromium poppler-utils fonts-noto-cjk. Run from the repository after npm run build.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

root=$PWD
mkdir "$work/报送" && cp examples/*.yaml "$work/报送/"
# Run inside the work folder, so that the pages name the submission as a reviewer would see it: 报送/….yaml
(cd "$work" && node "$root/dist/cli/main.js" notices 报送 --out notices) || test $? -eq 1 # exit 1: the examples fail targets

pdf="$work/notices/示例县人力资源和社会保障局-2024.pdf"
pdftoppm -png -r 80 -f 1 -l 2 "$pdf" "$work/page"
cp "$work/page-1.png" "$out/notice-page-1.png"
cp "$work/page-2.png" "$out/notice-page-2.png"
ls -l "$out"/notice-page-*.png
