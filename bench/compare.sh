#!/usr/bin/env bash
# One run, one machine: our bench command and the peers script on the same sizes, then the
# ratio table of BENCHMARKS.md. Needs: target/normgraph.jar (./mvnw package), and
# apt-get install python3-numpy python3-torch for the peers.
#   bench/compare.sh [SIZES] [MIN_TIME]     e.g. bench/compare.sh 8x4,4096x1024 1.0
# JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS=-XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-8x4,512x4,256x256,4096x1024}
MIN_TIME=${2:-1.0}
PEERS=${PEERS:-../shared/bench/peers.py}
OUT=target/bench
mkdir -p "$OUT"
java ${JAVA_OPTS:-} -jar target/normgraph.jar bench --sizes "$SIZES" --min-time "$MIN_TIME" --json "$OUT/ours.json"
echo
# peers.py runs twice: glibc's default malloc (numpy/torch temporaries page-fault on every
# call) and a tuned malloc that keeps freed memory (closer to a JVM that reuses its heap).
/usr/bin/python3 "$PEERS" --sizes "$SIZES" --min-time "$MIN_TIME" --malloc both --json "$OUT/peers.json"
for mode in default tuned; do
  echo; echo "ratios against peers with $mode malloc:"
  /usr/bin/python3 bench/ratios.py "$OUT/ours.json" "$OUT/peers.json.$mode"
done
