# Shared settings for the dev/ scripts: pinned versions, cache and tool paths.
DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$DEV_DIR/.." && pwd)"
# shellcheck source=../versions.env
. "$DEV_DIR/versions.env"
MODELOPS_CACHE="${MODELOPS_CACHE:-$HOME/.cache/modelops}"
KUBE_BIN="$MODELOPS_CACHE/bin/kube-$KUBE_VERSION"
ETCD_BIN="$MODELOPS_CACHE/bin/etcd-$ETCD_VERSION"
# kwok's directory also carries our stages program, so its key includes that program's hash.
KWOK_HASH=$(cat "$DEV_DIR"/go/kwok/go.mod.in "$DEV_DIR"/go/kwok/stages/main.go | sha256sum | cut -c1-8)
KWOK_BIN="$MODELOPS_CACHE/bin/kwok-$KWOK_VERSION-$KWOK_HASH"
# The fault-injecting proxy of `make chaos` (dev/go/faultproxy), keyed by its sources' hash.
FAULTPROXY_HASH=$(cat "$DEV_DIR"/go/faultproxy/go.mod "$DEV_DIR"/go/faultproxy/main.go | sha256sum | cut -c1-8)
FAULTPROXY_BIN="$MODELOPS_CACHE/bin/faultproxy-$FAULTPROXY_HASH"
CLI_BIN="$MODELOPS_CACHE/bin/kubectl-layer-$KUBECTL_LAYER_VERSION"
ARGOCD_HASH=$(find "$DEV_DIR"/go/argocd -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-8)
ARGOCD_BIN="$MODELOPS_CACHE/bin/argocd-$ARGOCD_VERSION-$ARGOCD_HASH"
LOCAL_DIR="$REPO_DIR/.local"
CLUSTER_NAME="${MODELOPS_CLUSTER:-modelops}"
export PATH="$CLI_BIN:$KWOK_BIN:$KUBE_BIN:$ETCD_BIN:$PATH"

log() { printf '[dev %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
