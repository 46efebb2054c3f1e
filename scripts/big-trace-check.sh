#!/usr/bin/env bash
# Limits: the CLI traces 1024×256, writing every intermediate (~70 MB of JSON), in a 1 GiB heap.
# Needs target/normgraph.jar (./mvnw package). Exit 0 when it does.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
java scripts/BigCase.java "$dir/big.json" 1024 256
java -Xmx1g -jar target/normgraph.jar trace --input "$dir/big.json" >"$dir/trace.json" 2>"$dir/err.txt" || {
  echo "big trace failed: $(head -c 500 "$dir/err.txt")"; exit 1; }
size=$(wc -c <"$dir/trace.json")
[ "$size" -gt 50000000 ] || { echo "big trace too short: $size bytes"; exit 1; }
grep -q '"dx"' "$dir/trace.json" || { echo "big trace has no dx"; exit 1; }
echo "big trace: 1024×256 in -Xmx1g, $size bytes of JSON"
