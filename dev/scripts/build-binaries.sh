#!/usr/bin/env bash
# Builds the local control plane from source through the Go module proxy, once per
# pinned version: kube-apiserver, kube-controller-manager, kube-scheduler, etcd, kwok,
# kwokctl. Results are cached under $MODELOPS_CACHE/bin/<component>-<version>/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

export CGO_ENABLED=0 GOFLAGS=-mod=mod
command -v go >/dev/null || { log "Go is required (go 1.25+)"; exit 1; }

# build NAME OUTDIR GO_MOD_TEMPLATE LDFLAGS PACKAGES...
build() {
  local name=$1 out=$2 template=$3 ldflags=$4; shift 4
  if [ -f "$out/.complete" ]; then log "$name: cached in $out"; return; fi
  local work="$MODELOPS_CACHE/build/$name" start=$SECONDS
  rm -rf "$work" "$out.tmp"; mkdir -p "$work" "$out.tmp"
  # A component may carry a small Go program of ours (dev/go/<name>/<cmd>/main.go).
  for cmd in "$(dirname "$template")"/*/; do [ -d "$cmd" ] && cp -r "$cmd" "$work/"; done
  sed -e "s/@KUBE_VERSION@/$KUBE_VERSION/; s/@KUBE_STAGING_VERSION@/$KUBE_STAGING_VERSION/; s/@ETCD_VERSION@/$ETCD_VERSION/; s/@KWOK_VERSION@/$KWOK_VERSION/" \
    "$template" > "$work/go.mod"
  log "$name: building $* (first build takes minutes)"
  (cd "$work" && go build -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp/" "$@")
  # go names a binary after its package directory; etcd's is ".../server/v3" -> "server".
  if [ "$name" = etcd ]; then mv "$out.tmp/server" "$out.tmp/etcd"; fi
  touch "$out.tmp/.complete"; rm -rf "$out"; mv "$out.tmp" "$out"
  log "$name: built in $((SECONDS - start))s"
}

minor=${KUBE_VERSION#v1.}; minor=${minor%%.*}
kv="k8s.io/component-base/version"
kube_ldflags="-X $kv.gitVersion=$KUBE_VERSION -X $kv.gitMajor=1 -X $kv.gitMinor=$minor -X $kv.gitTreeState=clean -X $kv.buildDate=1970-01-01T00:00:00Z"
kube_ldflags="$kube_ldflags -X k8s.io/client-go/pkg/version.gitVersion=$KUBE_VERSION -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=$minor"

build etcd "$ETCD_BIN" "$DEV_DIR/go/etcd/go.mod.in" "" go.etcd.io/etcd/server/v3
build kwok "$KWOK_BIN" "$DEV_DIR/go/kwok/go.mod.in" "-X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" \
  sigs.k8s.io/kwok/cmd/kwok sigs.k8s.io/kwok/cmd/kwokctl ./stages
build kube "$KUBE_BIN" "$DEV_DIR/go/kube/go.mod.in" "$kube_ldflags" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler
ls "$KUBE_BIN" "$ETCD_BIN" "$KWOK_BIN" >/dev/null

# The fault-injecting proxy (`make chaos`): standard library only, builds in seconds.
if [ ! -f "$FAULTPROXY_BIN/.complete" ]; then
  rm -rf "$FAULTPROXY_BIN.tmp"; mkdir -p "$FAULTPROXY_BIN.tmp"
  (cd "$DEV_DIR/go/faultproxy" && go build -trimpath -ldflags "-s -w" -o "$FAULTPROXY_BIN.tmp/faultproxy" .)
  touch "$FAULTPROXY_BIN.tmp/.complete"; rm -rf "$FAULTPROXY_BIN"; mv "$FAULTPROXY_BIN.tmp" "$FAULTPROXY_BIN"
  log "faultproxy: built in $FAULTPROXY_BIN"
fi
