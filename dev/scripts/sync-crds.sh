#!/usr/bin/env bash
# Copies the CRDs the build generated from the Java model (target/classes/META-INF/fabric8,
# written by the crd-generator at process-classes) to crds/ and the chart's crds/, replacing
# what was there. Run `./mvnw -q process-classes` first (`make crds` does both).
set -euo pipefail
REPO_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
SRC="$REPO_DIR/target/classes/META-INF/fabric8"

shopt -s nullglob
generated=("$SRC"/*.modelops.io-v1.yml)
if [ ${#generated[@]} -eq 0 ]; then
  echo "no generated CRDs in $SRC; run ./mvnw -q process-classes first" >&2
  exit 1
fi
for dest in "$REPO_DIR/crds" "$REPO_DIR/helm/modelops-operator/crds"; do
  mkdir -p "$dest"
  rm -f "$dest"/*.modelops.io-v1.yml
  cp "${generated[@]}" "$dest/"
  echo "synced ${#generated[@]} CRDs to ${dest#"$REPO_DIR"/}" >&2
done
