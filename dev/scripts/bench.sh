#!/usr/bin/env bash
# `make bench` (BENCH_ARGS="--models 5000 --runs 1" ...): the operator, as its own process,
# against a bare fabric8 client on the local control plane. Not part of `make test`.
# Options (passed to io.modelops.operator.bench.ServingBench): --models N (1000), --runs R (3),
# --concurrency C (16), --churn-runs (1), --churn-seconds (60), --churn-rate (10/s),
# --memory-limit (384m: the operator runs with the Dockerfile's JVM flags and ENV, -XX:MaxRAM=
# standing in for the container limit), --xmx, --jvm-options "..." (more operator JVM flags),
# --phases serving,baseline,control-plane (the default: all).
# Results: a table on stdout and target/bench/bench-<N>-<stamp>.json (+ latest.json).
# First, without a cluster: the JMH micro-benchmark of planning one model
# (io.modelops.operator.bench.PlanningBenchMain, ~40 s; target/bench/jmh-planning.json).
# BENCH_JMH=0 skips it; --jmh-only runs only it (`make bench BENCH_ARGS=--jmh-only`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"

models=1000
jmh_only=0
args=()
for arg in "$@"; do
  if [ "$arg" = "--jmh-only" ]; then jmh_only=1; else args+=("$arg"); fi
done
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--models" ] && models=${args[$((i + 1))]}
done

build_harness() {
  ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath \
    -Dmdep.includeScope=test
}

if [ "$jmh_only" = 1 ] || [ "${BENCH_JMH:-1}" != 0 ]; then
  log "bench: JMH micro-benchmark of planning one model (no cluster)"
  build_harness
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath)" \
    io.modelops.operator.bench.PlanningBenchMain
fi
if [ "$jmh_only" = 1 ]; then
  exit 0
fi

# A cluster of its own: the shared `modelops` cluster serves other work trees' test runs (they
# would show in the API server's counters), and kube-apiserver's default service range
# (10.0.0.0/24) holds ~250 Services, far fewer than N models need.
export MODELOPS_CLUSTER="${BENCH_CLUSTER:-modelops-bench}"
export MODELOPS_KWOKCTL_ARGS="--extra-args kube-apiserver=service-cluster-ip-range=10.96.0.0/12"
CLUSTER_NAME="$MODELOPS_CLUSTER"
kubeconfig=$(bash dev/scripts/cluster-up.sh | tail -1)
if [ "${BENCH_KEEP_CLUSTER:-0}" != 1 ]; then
  trap 'log "bench: deleting cluster $CLUSTER_NAME"; kwokctl delete cluster --name "$CLUSTER_NAME" >&2 || true' EXIT
fi
# Each kwok node takes 110 pods.
nodes_before=$(kubectl --kubeconfig "$kubeconfig" get nodes -o name | wc -l)
nodes=$((models / 100 + 2))
if [ "$nodes" -gt "$nodes_before" ]; then
  log "bench: scaling kwok nodes $nodes_before -> $nodes"
  # Like the dev cluster's nodes, they report local disk: every pod requests ephemeral-storage.
  kwokctl scale node --name "$CLUSTER_NAME" --replicas "$nodes" \
    --param '.allocatable["ephemeral-storage"]="200Gi"' >&2
fi

log "bench: building the operator jar and the harness"
./mvnw -q -B package -DskipTests
build_harness
kubectl --kubeconfig "$kubeconfig" apply --server-side --force-conflicts -f crds/ >&2
kubectl --kubeconfig "$kubeconfig" wait --for condition=Established -f crds/ --timeout=60s >&2

kcfg="$HOME/.kwok/clusters/$CLUSTER_NAME/kwok.yaml"
settings="nodes=$(kubectl --kubeconfig "$kubeconfig" get nodes -o name | wc -l);"
settings+=" $(awk '/^- args:/{a=""} /kube-api-(qps|burst)/{gsub(/^ *- /,""); a=a" "$0} /^  name:/{if(a!="") print $2":"a; a=""}' "$kcfg" | tr '\n' ';')"
settings+=" $(grep -o 'disableQPSLimits: [a-z]*' "$kcfg" || true)"
log "bench: cluster settings: $settings"

java -cp "target/test-classes:target/classes:$(cat target/bench-classpath)" \
  io.modelops.operator.bench.ServingBench --repo "$REPO_DIR" --kubeconfig "$kubeconfig" \
  --cluster-settings "$settings" ${args[@]+"${args[@]}"}
