#!/usr/bin/env bash
# Checks report.html of a simulated Dutch and English session with the W3C Nu HTML checker (vnu-jar,
# on Java) and axe-core in headless Chromium. Fails on any checker error and on any serious or
# critical axe violation; prints the moderate and minor ones.
#
# Needs: java (default-jre-headless), node and npm (nodejs, npm), chromium — installed with apt when
# missing and this runs as root — and the npm packages vnu-jar and axe-core, installed into
# $VALIDATORS_DIR (default: ~/.cache/cultuurbarbarenspel/validators). When something cannot be
# fetched (no network) it prints "skipped: could not fetch …" and exits 0: CI goes on without it.
#
# Usage: scripts/validate-report.sh [OUT_DIR]   (the reports and the findings stay in OUT_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tools=${VALIDATORS_DIR:-$HOME/.cache/cultuurbarbarenspel/validators}

skip() {
  echo "skipped: could not fetch $1; report.html was not validated"
  exit 0
}

# System packages.
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; } >/dev/null 2>&1 ||
      skip "${need[*]} (apt)"
  else
    skip "${need[*]} (not installed, and not root to install them with apt)"
  fi
fi
chromium=$(command -v chromium || command -v chromium-browser)

# The checkers, from the npm registry (Maven is not needed: vnu-jar carries the jar).
vnu="$tools/node_modules/vnu-jar/build/dist/vnu.jar"
axe="$tools/node_modules/axe-core/axe.min.js"
if [ ! -f "$vnu" ] || [ ! -f "$axe" ]; then
  mkdir -p "$tools"
  echo "== npm install vnu-jar axe-core (into $tools)"
  npm install --prefix "$tools" --no-audit --no-fund --silent --fetch-retries=2 vnu-jar axe-core >/dev/null 2>&1 ||
    skip "vnu-jar and axe-core from the npm registry"
fi
[ -f "$vnu" ] && [ -f "$axe" ] || skip "vnu-jar and axe-core (not where npm should have put them)"

# Two sessions: Dutch and English, twelve teams (long tables, identical choices grouped), agreements.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in nl en; do
  cargo run --locked -q -- simulate --deck "levels/klantcontact.$lang.ron" --teams 12 --rounds 4 --seed 11 \
    --agreements 5 --sessions "$work/$lang" >/dev/null
  cargo run --locked -q -- report "$work/$lang"/*.jsonl --out "$out/$lang" >/dev/null
done

failed=0
for lang in nl en; do
  page="$out/$lang/report.html"
  echo "== Nu HTML checker: $lang/report.html"
  if java -jar "$vnu" --errors-only --format text "$page" >"$out/$lang/vnu.txt" 2>&1; then
    echo "0 errors"
  else
    cat "$out/$lang/vnu.txt"
    failed=1
  fi

  echo "== axe-core in headless Chromium: $lang/report.html"
  # A copy of the page that runs axe once it has loaded and writes the violations into the page,
  # which Chromium then prints (--dump-dom).
  probe="$work/axe-$lang"
  mkdir -p "$probe"
  cp "$axe" "$probe/axe.min.js"
  sed 's#</body>#<script src="axe.min.js"></script><script>axe.run(document, {resultTypes: ["violations"]}).then(function (r) { var pre = document.createElement("pre"); pre.id = "axe-result"; pre.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" "); })}; })); document.body.appendChild(pre); }, function (e) { var pre = document.createElement("pre"); pre.id = "axe-result"; pre.textContent = JSON.stringify({error: String(e)}); document.body.appendChild(pre); });</script></body>#' \
    "$page" >"$probe/report.html"
  timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --virtual-time-budget=60000 --dump-dom "file://$probe/report.html" >"$probe/dom.html" 2>/dev/null || true
  if ! node - "$probe/dom.html" "$out/$lang/axe.json" <<'JS'; then failed=1; fi
const fs = require("fs");
const dom = fs.readFileSync(process.argv[2], "utf8");
const m = dom.match(/<pre id="axe-result">([\s\S]*?)<\/pre>/);
if (!m) { console.log("axe did not finish (no result in the page)"); process.exit(1); }
const text = m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const found = JSON.parse(text);
if (found.error) { console.log("axe failed: " + found.error); process.exit(1); }
fs.writeFileSync(process.argv[3], JSON.stringify(found, null, 2));
let bad = 0;
for (const v of found) {
  const serious = v.impact === "serious" || v.impact === "critical";
  if (serious) bad++;
  console.log(`${serious ? "FAIL" : "note"} ${v.impact} ${v.id} (${v.nodes.length}): ${v.help}; ${v.nodes.slice(0, 3).join(", ")}`);
}
console.log(`${found.length} violations, ${bad} serious or critical`);
process.exit(bad > 0 ? 1 : 0);
JS
done
if [ "$failed" != 0 ]; then
  echo "report.html did not pass the validators (see above; the pages are in $out)"
  exit 1
fi
echo "report.html passed: 0 checker errors, 0 serious or critical axe violations (nl and en)"
