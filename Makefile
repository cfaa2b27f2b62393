# ModelOps Operator — the two commands are `make run` and `make test`.
SHELL := /bin/bash
MVN ?= ./mvnw -B

.PHONY: help run test fmt build cluster-up cluster-down crds manifests bench chaos clean

help:
	@echo "make run          local control plane + CRDs + operator (foreground) + examples"
	@echo "make test         the whole suite: unit, mock-server and real-control-plane tests"
	@echo "make fmt          format the Java sources (google-java-format); make test fails on drift"
	@echo "make cluster-up   start the local control plane (kwok); prints the kubeconfig path"
	@echo "make cluster-down stop and delete it"
	@echo "make crds         regenerate crds/ and the chart's crds/ from the Java model"
	@echo "make manifests    regenerate deploy/ and docs/argocd.md from the Helm chart"
	@echo "make bench        benchmarks: planning (JMH), then the operator on a local control plane (not part of make test)"
	@echo "make chaos        fault harness: leader kills, API server/etcd outages, kill soak, API errors (~1 h; make test runs a short variant)"

build:
	$(MVN) -q package -DskipTests

fmt:
	$(MVN) -q spotless:apply

cluster-up:
	@bash dev/scripts/cluster-up.sh

cluster-down:
	@bash dev/scripts/cluster-down.sh

crds:
	$(MVN) -q process-classes
	bash dev/scripts/sync-crds.sh

manifests:
	bash dev/scripts/render-manifests.sh

run:
	@bash dev/scripts/run.sh

test:
	@bash dev/scripts/test.sh

bench:
	@bash dev/scripts/bench.sh $(BENCH_ARGS)

chaos:
	@bash dev/scripts/chaos.sh $(CHAOS_ARGS)

clean:
	$(MVN) -q clean
