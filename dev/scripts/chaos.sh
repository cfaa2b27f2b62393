#!/usr/bin/env bash
# `make chaos` (CHAOS_ARGS="--kills 20 ..."): the fault harness on a kwok cluster of its own
# (MODELOPS_CLUSTER, default modelops-chaos, audit log on), deleted at the end. Operator
# replicas run from target/modelops-operator.jar with leader election on. Scenarios: leader
# SIGKILLs during churn, kube-apiserver and etcd outages, an operator kill soak, churn through
# the fault-injecting proxy. Writes target/chaos/report.json and prints a table.
# Options (io.modelops.operator.chaos.ChaosHarness): --replicas 3, --kills 20,
# --outages kube-apiserver:10,kube-apiserver:60,etcd:10,etcd:60, --soak-seconds 1800,
# --proxy-seconds 300, --proxy-error-rate 0.05, --models 6, --max-models 12, --seed N.
# `make test` runs a short variant (ChaosShortTest, a few minutes) on the same machinery.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
export MODELOPS_CLUSTER="${MODELOPS_CLUSTER:-modelops-chaos}"
log "chaos: building the operator jar and the harness"
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/chaos-classpath \
  -Dmdep.includeScope=test
nice -n 5 java -cp "target/test-classes:target/classes:$(cat target/chaos-classpath)" \
  io.modelops.operator.chaos.ChaosHarness --repo "$REPO_DIR" --cluster "$MODELOPS_CLUSTER" \
  --jar target/modelops-operator.jar --out target/chaos "$@"
