#!/usr/bin/env bash
# Stops and deletes the local control plane (the cached binaries stay).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if [ -x "$KWOK_BIN/kwokctl" ] && kwokctl get clusters 2>/dev/null | grep -x "$CLUSTER_NAME" >/dev/null; then
  kwokctl delete cluster --name "$CLUSTER_NAME"
fi
# The default cluster's kubeconfig is .local/kubeconfig; another (MODELOPS_CLUSTER) has its own.
if [ "$CLUSTER_NAME" = modelops ]; then rm -f "$LOCAL_DIR/kubeconfig"; else rm -f "$LOCAL_DIR/kubeconfig-$CLUSTER_NAME"; fi
log "cluster $CLUSTER_NAME: down"
