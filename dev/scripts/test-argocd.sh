#!/usr/bin/env bash
# The GitOps end-to-end tests (JUnit tag "argocd"): builds Argo CD once (cached by version), then
# runs ArgoCdEndToEndTest against the local control plane with Argo CD as local processes
# (dev/scripts/argocd-up.sh). `make test` runs this after the main suite.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"

trap 'bash "$DEV_DIR/scripts/argocd-down.sh" || true' EXIT
t0=$SECONDS
bash "$DEV_DIR/scripts/prereqs.sh"
bash "$DEV_DIR/scripts/build-argocd.sh"
log "argocd: binaries ready after $((SECONDS - t0))s"
./mvnw -B test -Dgroups=argocd -DexcludedGroups= "$@"
