#!/usr/bin/env bash
# One run, one machine: our bench command and the peers script on the same sizes, then the
# ratio table of BENCHMARKS.md. Needs: target/normgraph.jar (./mvnw package), and
# apt-get install python3-numpy python3-torch for the peers.
#   bench/compare.sh [SIZES] [MIN_TIME]     e.g. bench/compare.sh 8x4,4096x1024 1.0
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-8x4,512x4,256x256,4096x1024}
MIN_TIME=${2:-1.0}
PEERS=${PEERS:-../shared/bench/peers.py}
OUT=target/bench
mkdir -p "$OUT"
java -jar target/normgraph.jar bench --sizes "$SIZES" --min-time "$MIN_TIME" --json "$OUT/ours.json"
echo
/usr/bin/python3 "$PEERS" --sizes "$SIZES" --min-time "$MIN_TIME" --malloc tuned --no-stream --json "$OUT/peers.json"
echo
/usr/bin/python3 bench/ratios.py "$OUT/ours.json" "$OUT/peers.json"
