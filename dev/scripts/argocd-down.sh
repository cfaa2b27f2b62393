#!/usr/bin/env bash
# Stops what argocd-up.sh started (by the process ids it recorded) and removes its state. The
# Argo CD objects stay in the cluster until cluster-down.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STATE="$LOCAL_DIR/argocd-$CLUSTER_NAME"
[ -d "$STATE" ] || exit 0
for name in application-controller repo-server git-daemon redis; do
  f="$STATE/$name.pid"
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  # Each was started with setsid: its process group is its own (git daemon forks per client).
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 -- "-$pid" 2>/dev/null || true
  rm -f "$f"
done
rm -rf "$STATE"
log "argocd ($CLUSTER_NAME): stopped"
