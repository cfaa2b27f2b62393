#!/usr/bin/env bash
# Builds Argo CD's application controller and repo server (one binary, dispatched by its name)
# from the Go module proxy, once per pinned version, into $ARGOCD_BIN. Argo CD's `go` line may
# be newer than the machine's Go: the toolchain it needs is fetched through the proxy too.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$ARGOCD_BIN
if [ -f "$out/.complete" ]; then log "argocd: cached in $out"; exit 0; fi
command -v go >/dev/null || { log "Go is required"; exit 1; }
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=$ARGOCD_GO_TOOLCHAIN
work="$MODELOPS_CACHE/build/argocd" start=$SECONDS
rm -rf "$work" "$out.tmp"; mkdir -p "$work" "$out.tmp"
cp -r "$DEV_DIR/go/argocd/argocd" "$work/"
sed -e "s/@ARGOCD_VERSION@/$ARGOCD_VERSION/; s/@ARGOCD_KUBE_STAGING_VERSION@/$ARGOCD_KUBE_STAGING_VERSION/" \
  "$DEV_DIR/go/argocd/go.mod.in" > "$work/go.mod"
log "argocd: building $ARGOCD_VERSION with $ARGOCD_GO_TOOLCHAIN (first build takes minutes)"
pkg=github.com/argoproj/argo-cd/v3/common
ldflags="-X $pkg.version=${ARGOCD_VERSION#v} -X $pkg.gitTag=$ARGOCD_VERSION -X $pkg.gitTreeState=clean"
ldflags="$ldflags -X $pkg.buildDate=1970-01-01T00:00:00Z"
# Low priority: the build takes both cores for minutes on a small machine.
(cd "$work" && nice -n 10 go build -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp/argocd" ./argocd)
for name in argocd-application-controller argocd-repo-server argocd-git-ask-pass argocd-health; do
  ln -s argocd "$out.tmp/$name"
done
# From the same module: the CRDs the controller needs (Application, AppProject), and the script
# the repo server runs to verify commits (on the PATH in Argo CD's image).
module=$(cd "$work" && go list -m -f '{{.Dir}}' github.com/argoproj/argo-cd/v3)
cp "$module/manifests/crds/application-crd.yaml" "$module/manifests/crds/appproject-crd.yaml" "$out.tmp/"
install -m 0755 "$module/hack/git-verify-wrapper.sh" "$out.tmp/"
touch "$out.tmp/.complete"; rm -rf "$out"; mv "$out.tmp" "$out"
log "argocd: built in $((SECONDS - start))s"
