#!/usr/bin/env bash
# An installable app folder for classroom machines (no Java needed on them): builds the jar,
# then jpackage --type app-image puts it with a Java runtime into target/app-image/normgraph/.
# Copy that folder anywhere and start bin/normgraph (Linux), normgraph.exe (Windows) or the
# .app (macOS); jpackage builds for the system it runs on. Headless commands work there too:
#   target/app-image/normgraph/bin/normgraph export --session lesson.normgraph.json --out slides
#   scripts/app-image.sh [maven options, e.g. -o for offline]
# Needs: a JDK 17+ with jpackage (and on Linux, for --type deb/rpm installers, their tools).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
./mvnw -q "$@" package -DskipTests
rm -rf target/app-image target/jpackage-input
mkdir -p target/jpackage-input
cp target/normgraph.jar target/jpackage-input/
jpackage --type app-image \
  --name normgraph \
  --app-version "$VERSION" \
  --description "Backpropagation through batch normalization, step by step" \
  --input target/jpackage-input \
  --main-jar normgraph.jar \
  --main-class org.normgraph.Launcher \
  --java-options "-Xmx1g" \
  --dest target/app-image
echo "app image: target/app-image/normgraph ($(du -sh target/app-image/normgraph | cut -f1))"
