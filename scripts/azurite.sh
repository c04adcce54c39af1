#!/usr/bin/env bash
# Sourced by run.sh and test.sh: starts Azurite unless one already listens, and stops what it started.
AZURITE_PID=""

azurite_listening() { (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; }

azurite_start() {
  if azurite_listening; then
    echo "Azurite is already running; using it."
    return 0
  fi
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local log="${AZURITE_LOG:-/tmp/livechat-azurite.log}"
  # --inMemoryPersistence unless a folder is given: fast, and tests start clean (Azurite slows as task hubs pile up).
  local persistence=(--inMemoryPersistence)
  [ -n "${AZURITE_LOCATION:-}" ] && persistence=(--location "$AZURITE_LOCATION")
  # A session of its own: a Ctrl+C in the terminal must not stop storage before the host (see stack.sh).
  setsid "$root/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 "${persistence[@]}" >"$log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    azurite_listening && { echo "Azurite started (pid $AZURITE_PID)."; return 0; }
    sleep 0.2
  done
  echo "Azurite did not start; see $log" >&2
  return 1
}

azurite_stop() {
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
    AZURITE_PID=""
  fi
}
