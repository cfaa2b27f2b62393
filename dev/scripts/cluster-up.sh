#!/usr/bin/env bash
# Brings up the local control plane (idempotent): etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler and the kwok controller as local processes through
# `kwokctl --runtime binary`, with fake kwok nodes so Deployments become Available and Jobs
# complete. Prints the kubeconfig path as the last line of stdout.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NODES="${MODELOPS_NODES:-2}"
# The default cluster's kubeconfig is .local/kubeconfig; another (MODELOPS_CLUSTER) gets its own.
KUBECONFIG_OUT="$LOCAL_DIR/kubeconfig"
[ "$CLUSTER_NAME" = modelops ] || KUBECONFIG_OUT="$LOCAL_DIR/kubeconfig-$CLUSTER_NAME"
# Extra `kwokctl create cluster` arguments, e.g. a wider service range for `make bench`.
read -r -a EXTRA_ARGS <<< "${MODELOPS_KWOKCTL_ARGS:-}"
CLUSTER_KUBECONFIG="$HOME/.kwok/clusters/$CLUSTER_NAME/kubeconfig.yaml"
start=$SECONDS

bash "$DEV_DIR/scripts/build-binaries.sh"
bash "$DEV_DIR/scripts/install-cli.sh"

STAGES_MARK="$HOME/.kwok/clusters/$CLUSTER_NAME/modelops-stages-$KWOK_HASH"
ready() {
  [ -f "$STAGES_MARK" ] && [ -f "$CLUSTER_KUBECONFIG" ] && kubectl --kubeconfig "$CLUSTER_KUBECONFIG" --request-timeout=5s get --raw /readyz >/dev/null 2>&1
}

export KWOK_KUBE_VERSION="$KUBE_VERSION"
if ready; then
  log "cluster $CLUSTER_NAME: already running"
else
  if kwokctl get clusters 2>/dev/null | grep -x "$CLUSTER_NAME" >/dev/null; then
    # Left over from an earlier session whose processes were stopped: recreating is faster
    # (a few seconds) and more predictable than restarting its processes.
    log "cluster $CLUSTER_NAME: exists but is not serving (or has outdated kwok stages); recreating it"
    kwokctl delete cluster --name "$CLUSTER_NAME" >&2 || true
  fi
  if ! ready; then
    log "cluster $CLUSTER_NAME: creating (kube $KUBE_VERSION, etcd $ETCD_VERSION, kwok $KWOK_VERSION)"
    mkdir -p "$MODELOPS_CACHE"
    # The fake kubelet's behaviour: kwok's default stages plus failure simulations keyed on
    # reserved images (see dev/go/kwok/stages/main.go).
    stages="$MODELOPS_CACHE/kwok-stages-$KWOK_HASH.yaml"
    "$KWOK_BIN/stages" > "$stages"
    # --disable-qps-limits: the kwok, scheduler and controller-manager clients are not
    # throttled, so tests and `make bench` measure the operator, not client-side rate limits.
    kwokctl create cluster --name "$CLUSTER_NAME" --runtime binary --config "$stages" \
      --kubeconfig "$MODELOPS_CACHE/kubeconfig-all" \
      --kube-apiserver-binary "$KUBE_BIN/kube-apiserver" \
      --kube-controller-manager-binary "$KUBE_BIN/kube-controller-manager" \
      --kube-scheduler-binary "$KUBE_BIN/kube-scheduler" \
      --etcd-binary "$ETCD_BIN/etcd" \
      --kwok-controller-binary "$KWOK_BIN/kwok" \
      --disable-qps-limits \
      ${EXTRA_ARGS[@]+"${EXTRA_ARGS[@]}"} \
      --wait 120s >&2
    touch "$STAGES_MARK"
  fi
fi

# Nodes report local disk like real ones: the operator requests ephemeral-storage for every
# container, which a node without that resource could never schedule.
NODE_DISK=200Gi
have=$(kubectl --kubeconfig "$CLUSTER_KUBECONFIG" get nodes -l kwok.x-k8s.io/kwokctl-scale=node -o name 2>/dev/null | wc -l)
if [ "$have" -lt "$NODES" ]; then
  kwokctl scale node --name "$CLUSTER_NAME" --replicas "$NODES" \
    --param ".allocatable[\"ephemeral-storage\"]=\"$NODE_DISK\"" >&2
fi
# Nodes made before they reported disk get it added to their status.
for node in $(kubectl --kubeconfig "$CLUSTER_KUBECONFIG" get nodes \
  -o go-template='{{range .items}}{{if not (index .status.allocatable "ephemeral-storage")}}{{.metadata.name}} {{end}}{{end}}'); do
  kubectl --kubeconfig "$CLUSTER_KUBECONFIG" patch node "$node" --subresource=status --type=merge \
    -p "{\"status\":{\"capacity\":{\"ephemeral-storage\":\"$NODE_DISK\"},\"allocatable\":{\"ephemeral-storage\":\"$NODE_DISK\"}}}" >/dev/null
done
# A GPU pool as clouds offer one: labelled, and tainted so that only pods tolerating the taint
# (a ResourceBundle's placement) land there; ordinary pods keep to the nodes above.
GPU_NODES="${MODELOPS_GPU_NODES:-1}"
GPU_PER_NODE="${MODELOPS_GPUS_PER_NODE:-4}"
for i in $(seq 0 $((GPU_NODES - 1))); do
  name="gpu-node-$i"
  if ! kubectl --kubeconfig "$CLUSTER_KUBECONFIG" get node "$name" >/dev/null 2>&1; then
    kubectl --kubeconfig "$CLUSTER_KUBECONFIG" apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Node
metadata:
  name: $name
  annotations: {kwok.x-k8s.io/node: fake}
  labels:
    type: kwok
    kubernetes.io/hostname: $name
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    modelops.io/node-pool: gpu
    nvidia.com/gpu.present: "true"
spec:
  taints:
    - {key: nvidia.com/gpu, value: present, effect: NoSchedule}
EOF
  fi
  for _ in $(seq 1 60); do
    kubectl --kubeconfig "$CLUSTER_KUBECONFIG" get node "$name" \
      -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -qx True && break
    sleep 0.5
  done
  res="{\"cpu\":\"32\",\"memory\":\"256Gi\",\"pods\":\"110\",\"ephemeral-storage\":\"$NODE_DISK\",\"nvidia.com/gpu\":\"$GPU_PER_NODE\"}"
  kubectl --kubeconfig "$CLUSTER_KUBECONFIG" patch node "$name" --subresource=status --type=merge \
    -p "{\"status\":{\"capacity\":$res,\"allocatable\":$res}}" >/dev/null
done
mkdir -p "$LOCAL_DIR"
cp "$CLUSTER_KUBECONFIG" "$KUBECONFIG_OUT"
log "cluster $CLUSTER_NAME: ready in $((SECONDS - start))s with $NODES kwok nodes and $GPU_NODES tainted GPU nodes; export KUBECONFIG=$KUBECONFIG_OUT"
echo "$KUBECONFIG_OUT"
