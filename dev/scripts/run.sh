#!/usr/bin/env bash
# `make run`: local control plane up, operator built, CRDs installed, operator started in
# the foreground against the cluster, examples applied once the operator is ready.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"

kubeconfig=$(bash dev/scripts/cluster-up.sh | tail -1)
export KUBECONFIG="$kubeconfig"
log "building the operator"
./mvnw -B -q package -DskipTests
if compgen -G "crds/*.yml" >/dev/null; then
  kubectl apply --server-side --force-conflicts -f crds/ >&2
  kubectl wait --for condition=Established --timeout=60s -f crds/ >&2
fi

port="${MODELOPS_PROBE_PORT:-8081}"
(
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 1
  done
  if compgen -G "examples/*.yaml" >/dev/null; then
    kubectl apply --server-side -f examples/ >&2 || log "some examples were refused (see above)"
  fi
  cat >&2 <<MSG

  The operator is running against the local control plane. In another terminal:

    export KUBECONFIG=$KUBECONFIG
    kubectl get modelops -A
    kubectl describe custommodels -n modelops-examples

MSG
) &
trap 'kill $! 2>/dev/null || true' EXIT
MODELOPS_LEADER_ELECTION=false MODELOPS_PROBE_PORT="$port" java -jar target/modelops-operator.jar
