#!/usr/bin/env bash
# Runs the source-built Functions host (shared/functions-host/run.sh, same arguments, same PID: it execs) after
# giving the host its keys, so that the host writes no key file while it starts. When it has to create them, the
# write's file-change event can clear the host's key cache between storing and returning it, and the Durable
# extension's start-up then fails with a NullReferenceException (docs/decisions/0016-host-keys-seeded.md).
#
#   FUNCTIONS_HOST_DIR=<build> FUNCTIONS_HOST_STATE_DIR=<state> bash scripts/functions-host.sh APP_DIR PORT
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${LIVECHAT_SHARED_DIR:-$here/../../shared}"
[ $# -eq 2 ] || { echo "usage: scripts/functions-host.sh APP_DIR PORT" >&2; exit 2; }
state="${FUNCTIONS_HOST_STATE_DIR:-${TMPDIR:-/tmp}/functions-host.$2}"
keys="${FUNCTIONS_SECRETS_PATH:-$state/secrets}"
if [ ! -s "$keys/host.json" ]; then
  mkdir -p "$keys"
  key() { head -c 40 /dev/urandom | base64 | tr -d '=+/\n' | head -c 54; }
  # Random per state folder, never committed; the host reads plain (unencrypted) keys from files.
  umask 077
  cat >"$keys/host.json" <<JSON
{"masterKey":{"name":"master","value":"$(key)","encrypted":false},"functionKeys":[{"name":"default","value":"$(key)","encrypted":false}],"systemKeys":[{"name":"durabletask_extension","value":"$(key)","encrypted":false}],"hostName":null,"instanceId":"$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')","source":"runtime","decryptionKeyId":""}
JSON
fi
exec bash "$shared/functions-host/run.sh" "$@"
