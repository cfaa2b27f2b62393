#!/usr/bin/env bash
# Runs the fault-injecting proxy (dev/go/faultproxy), building it first if needed, with the
# given flags (faultproxy -h lists them). Used by the chaos harness (`make chaos`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if [ ! -f "$FAULTPROXY_BIN/.complete" ]; then
  bash "$DEV_DIR/scripts/build-binaries.sh" >&2
fi
exec "$FAULTPROXY_BIN/faultproxy" "$@"
