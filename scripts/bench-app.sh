#!/usr/bin/env bash
# Start-up and idle cost of the game next to a bare Bevy + bevy_egui window built with the same
# features (examples/bare_egui.rs), under Xvfb with Mesa's software renderer:
#   - time from start to the first rendered frame,
#   - CPU used over 10 s on a static screen (the Title screen; the game also opens its facilitator
#     window),
#   - peak memory (VmHWM).
# Usage: scripts/bench-app.sh            (release build)
#        PROFILE=dev scripts/bench-app.sh (the dev profile: dependencies at opt-level 2, quicker to build)
# Needs xvfb (Debian package `xvfb`) and Linux /proc.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${PROFILE:-release}
case "$profile" in
  release) dir=target/release ;;
  dev) dir=target/debug ;;
  *) dir=target/$profile ;;
esac
cargo build --locked --profile "$profile" --bin cultuurbarbarenspel --example bare_egui

if [ -z "${DISPLAY:-}" ]; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  export DISPLAY=$display
  sleep 1
fi

tick=$(getconf CLK_TCK)
work=$(mktemp -d)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() {
  local name=$1
  shift
  local log="$work/$name.log"
  local start
  start=$(date +%s%3N)
  CBS_PROBE_FIRST_FRAME=1 "$@" >"$log" 2>&1 &
  local pid=$!
  local first=""
  for _ in $(seq 1 1200); do
    first=$(awk '/^first-frame-ms/ {print $2; exit}' "$log")
    [ -n "$first" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$name exited early:"; cat "$log"; return 1; }
    sleep 0.1
  done
  [ -n "$first" ] || { echo "$name: no frame within 120 s"; kill "$pid"; return 1; }
  sleep 3 # let start-up work settle
  local t0
  t0=$(cpu_ticks "$pid")
  sleep 10
  local t1
  t1=$(cpu_ticks "$pid")
  local peak
  peak=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf '%-28s %10d ms %9.2f s (%5.1f %%) %9.1f MiB\n' "$name" $((first - start)) \
    "$(echo "($t1 - $t0) / $tick" | bc -l)" "$(echo "($t1 - $t0) / $tick * 10" | bc -l)" \
    "$(echo "$peak / 1024" | bc -l)"
}

echo "profile: $profile, display: $DISPLAY, renderer: Mesa (software) under Xvfb"
printf '%-28s %13s %21s %13s\n' "" "first frame" "CPU over 10 s idle" "peak memory"
measure "bare Bevy + bevy_egui" "$dir/examples/bare_egui"
measure "CultuurBarbarenSpel" "$dir/cultuurbarbarenspel" --sessions "$work/sessions"
rm -rf "$work"
