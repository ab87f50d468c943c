#!/usr/bin/env bash
# Renders report.html of a simulated session in headless Chromium (Debian package `chromium`): a PNG of
# the first screen-full at A4 width and the whole report printed to PDF, to look at.
# Usage: scripts/report-png.sh OUT_DIR [DECK]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/report-png.sh OUT_DIR [DECK]}
deck=${2:-levels/klantcontact.nl.ron}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --locked -q -- simulate --deck "$deck" --teams 4 --rounds 3 --seed 11 --agreements 4 --sessions "$work/sessions" >/dev/null
cargo run --locked -q -- report "$work"/sessions/*.jsonl --out "$out" >/dev/null
chromium=$(command -v chromium || command -v chromium-browser)
# --no-sandbox: CI runs as root in a container.
"$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --window-size=1240,1754 \
  --screenshot="$out/report.png" "file://$out/report.html" >/dev/null 2>&1
"$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-pdf-header-footer \
  --print-to-pdf="$out/report.pdf" "file://$out/report.html" >/dev/null 2>&1
echo "$out/report.png"
echo "$out/report.pdf"
