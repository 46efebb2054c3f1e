#!/usr/bin/env bash
# Screenshot of the real app window for the README: starts target/normgraph.jar under Xvfb,
# presses the given keys (default: 14 × Right, i.e. well into the backward pass) and saves
# the window as PNG.
#   scripts/screenshot.sh [OUT.png] [KEYS...]      e.g. scripts/screenshot.sh assets/screenshot.png Right Right
# Needs: ./mvnw package; apt-get install xvfb xdotool imagemagick fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-assets/screenshot.png}; shift || true
KEYS=("$@"); [ ${#KEYS[@]} -gt 0 ] || KEYS=($(printf 'Right %.0s' $(seq 14)))
DISPLAY_NUM=${DISPLAY_NUM:-:91}
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; kill $XVFB 2>/dev/null' EXIT
export DISPLAY=$DISPLAY_NUM
sleep 1
java -jar target/normgraph.jar >/dev/null 2>&1 &
APP=$!
WID=$(timeout 60 xdotool search --sync --onlyvisible --name '^normgraph' | head -1)
sleep 2
xdotool windowfocus --sync "$WID" 2>/dev/null || true
for k in "${KEYS[@]}"; do xdotool key --clearmodifiers "$k"; sleep 0.3; done
sleep 2
import -window "$WID" "$OUT"
echo "saved $OUT ($(identify -format '%wx%h' "$OUT"))"
