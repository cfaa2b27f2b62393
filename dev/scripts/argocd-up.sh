#!/usr/bin/env bash
# Runs a real Argo CD (application controller + repo server, built from the Go module proxy by
# build-argocd.sh) as local processes against the local control plane, with Redis and a Git
# repository served on loopback by `git daemon`. The repository starts with this work tree's
# chart (helm/) and examples/ committed on `main`. Argo CD is configured as docs/argocd.md tells
# users: its empty argocd-cm patched with deploy/argocd/argocd-cm-health.yaml.
#
# Idempotent; stop with argocd-down.sh. The last line of stdout is an env file with the
# addresses (ARGOCD_GIT_URL, ARGOCD_GIT_DIR, KUBECONFIG, ...). Ports are picked free.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STATE="$LOCAL_DIR/argocd-$CLUSTER_NAME"
ENV_FILE="$STATE/env"
# Resync period of the controller (Argo CD's default is 120s plus jitter; a test wants drift and
# Git changes seen sooner). ARGOCD_APP_RESYNC overrides it.
RESYNC="${ARGOCD_APP_RESYNC:-20}"

alive() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }
if alive redis && alive git-daemon && alive repo-server && alive application-controller; then
  log "argocd ($CLUSTER_NAME): already running"
  echo "$ENV_FILE"; exit 0
fi
start=$SECONDS

bash "$DEV_DIR/scripts/prereqs.sh"
bash "$DEV_DIR/scripts/build-argocd.sh"
kubeconfig=$(bash "$DEV_DIR/scripts/cluster-up.sh" | tail -1)
export KUBECONFIG="$kubeconfig"
bash "$DEV_DIR/scripts/argocd-down.sh" >/dev/null 2>&1 || true
mkdir -p "$STATE"/{tls,ssh,gpg,tmp}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# run NAME COMMAND...: in the background in its own process group, output in NAME.log.
run() {
  local name=$1; shift
  setsid "$@" > "$STATE/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/$name.pid"
}
wait_port() { # wait_port NAME PORT
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    alive "$1" || { log "$1 exited:"; tail -20 "$STATE/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  log "$1 does not listen on $2:"; tail -20 "$STATE/$1.log" >&2; exit 1
}

redis_port=$(free_port); git_port=$(free_port); repo_port=$(free_port)
repo_metrics=$(free_port); ctrl_metrics=$(free_port)

# Redis: Argo CD's cache (manifests, the cluster cache's app-tree); nothing persisted.
run redis redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no
wait_port redis "$redis_port"

# The Git repository: the chart and the examples of this work tree, one commit on main.
git_dir="$STATE/git/modelops"
rm -rf "$STATE/git"; mkdir -p "$git_dir"
cp -r "$REPO_DIR/helm" "$REPO_DIR/examples" "$git_dir/"
git -C "$git_dir" init -q -b main
git -C "$git_dir" -c user.name=modelops-dev -c user.email=dev@modelops.invalid add -A
git -C "$git_dir" -c user.name=modelops-dev -c user.email=dev@modelops.invalid commit -q -m "chart and examples"
run git-daemon git daemon --reuseaddr --listen=127.0.0.1 --port="$git_port" \
  --base-path="$STATE/git" --export-all "$STATE/git"
wait_port git-daemon "$git_port"
git_url="git://127.0.0.1:$git_port/modelops"

# Argo CD's CRDs (from the module it was built from), settings and default project.
kubectl apply --server-side --force-conflicts -f "$ARGOCD_BIN/application-crd.yaml" -f "$ARGOCD_BIN/appproject-crd.yaml" >&2
# A CRD just created has no status.conditions yet, and `kubectl wait` fails on that instead of
# waiting: retry until the API server has set them.
for _ in $(seq 60); do
  kubectl wait --for=condition=Established --timeout=10s crd/applications.argoproj.io \
    crd/appprojects.argoproj.io >&2 2>/dev/null && break
  sleep 1
done
kubectl wait --for=condition=Established --timeout=10s crd/applications.argoproj.io \
  crd/appprojects.argoproj.io >&2
kubectl apply --server-side --force-conflicts -f "$DEV_DIR/argocd/argocd-base.yaml" >&2
# Argo CD's API server generates the signing key at its first start; without one, reading the
# settings fails ("server.secretkey is missing").
if [ -z "$(kubectl -n argocd get secret argocd-secret -o jsonpath='{.data.server\.secretkey}')" ]; then
  kubectl -n argocd patch secret argocd-secret --type merge \
    -p "{\"stringData\":{\"server.secretkey\":\"$(head -c 32 /dev/urandom | base64 | tr -d '\n')\"}}" >&2
fi
# Exactly as docs/argocd.md tells users to install the health checks.
(cd "$REPO_DIR" && kubectl -n argocd patch configmap argocd-cm --type merge \
  --patch-file deploy/argocd/argocd-cm-health.yaml >&2)

# --persist-resource-health: each resource's health in the Application's status.resources (Argo
# CD 3 keeps it only in the resource tree its API server reads from Redis), for the tests.
# The controller and the repo server reach https://kubernetes.default.svc (the in-cluster
# destination) through KUBECONFIG: ARGOCD_FAKE_IN_CLUSTER is how Argo CD runs out of a cluster.
export ARGOCD_FAKE_IN_CLUSTER=true ARGOCD_GPG_ENABLED=false \
  ARGOCD_TLS_DATA_PATH="$STATE/tls" ARGOCD_SSH_DATA_PATH="$STATE/ssh" ARGOCD_GNUPGHOME="$STATE/gpg" \
  TMPDIR="$STATE/tmp" PATH="$ARGOCD_BIN:$PATH"
run repo-server "$ARGOCD_BIN/argocd-repo-server" --logformat text \
  --address 127.0.0.1 --port "$repo_port" --metrics-address 127.0.0.1 --metrics-port "$repo_metrics" \
  --redis "127.0.0.1:$redis_port" --disable-tls --client-ca-path ""
wait_port repo-server "$repo_port"
run application-controller "$ARGOCD_BIN/argocd-application-controller" --logformat text \
  --kubeconfig "$kubeconfig" --namespace argocd \
  --repo-server "127.0.0.1:$repo_port" --repo-server-plaintext --redis "127.0.0.1:$redis_port" \
  --metrics-port "$ctrl_metrics" --status-processors 4 --operation-processors 2 \
  --app-resync "$RESYNC" --app-resync-jitter 0 --self-heal-timeout-seconds 0 \
  --persist-resource-health
wait_port application-controller "$ctrl_metrics"

cat > "$ENV_FILE" <<ENV
KUBECONFIG=$kubeconfig
ARGOCD_NAMESPACE=argocd
ARGOCD_GIT_URL=$git_url
ARGOCD_GIT_DIR=$git_dir
ARGOCD_STATE_DIR=$STATE
ARGOCD_APP_RESYNC=$RESYNC
ARGOCD_VERSION=$ARGOCD_VERSION
ARGOCD_BIN=$ARGOCD_BIN
ENV
log "argocd $ARGOCD_VERSION ($CLUSTER_NAME): up in $((SECONDS - start))s; Git at $git_url; logs in $STATE"
echo "$ENV_FILE"
