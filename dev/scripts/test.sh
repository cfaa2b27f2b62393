#!/usr/bin/env bash
# `make test`: prerequisites, local control plane, then the whole Maven suite (unit,
# mock-server and real-control-plane tests). Prints how long each phase took.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"

phases=()
phase() { # phase NAME COMMAND...
  local name=$1 t0=$SECONDS; shift
  log "phase $name: starting"
  "$@"
  phases+=("$name $((SECONDS - t0))s")
  log "phase $name: done in $((SECONDS - t0))s"
}
report() { log "phase times: ${phases[*]:-none}"; }
trap report EXIT

phase prerequisites bash dev/scripts/prereqs.sh
phase control-plane bash dev/scripts/cluster-up.sh
phase maven-verify ./mvnw -B verify
phase argocd bash dev/scripts/test-argocd.sh
