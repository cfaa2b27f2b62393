#!/usr/bin/env bash
# Stops and deletes the local control plane (the cached binaries stay).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if [ -x "$KWOK_BIN/kwokctl" ] && kwokctl get clusters 2>/dev/null | grep -x "$CLUSTER_NAME" >/dev/null; then
  kwokctl delete cluster --name "$CLUSTER_NAME"
fi
rm -f "$LOCAL_DIR/kubeconfig"
log "cluster $CLUSTER_NAME: down"
