#!/usr/bin/env bash
# The local stack an Azure developer runs: the Azure Functions host with the app, Azurite and the Azure SignalR
# Service emulator. Sourced by run.sh, test.sh and bench.sh; `bash scripts/stack.sh build` only builds the tools.
#
# Where the tools come from, first match wins:
#   - the host: `func` on PATH (Core Tools: run.sh uses `func start`), else FUNCTIONS_HOST_DIR (a build of
#     shared/functions-host), else built from ../shared/functions-host into ~/.cache/livechat/functions-host;
#   - the emulator: SIGNALR_EMULATOR_DIR, else built from ../shared/signalr-emulator into
#     ~/.cache/livechat/signalr-emulator (elsewhere: `dotnet tool install -g Microsoft.Azure.SignalR.Emulator`
#     and `asrs-emulator start`; see README).
# Both builds are cached by a checksum stamp: the first on a new machine restores ~210 MB (minutes), then 0 s.
STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_SHARED="${LIVECHAT_SHARED_DIR:-$STACK_ROOT/../shared}"
STACK_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/livechat"
STACK_HOST_PID=""
STACK_EMULATOR_PID=""

stack_build_tools() {
  mkdir -p "$STACK_CACHE"
  # The tests and the benchmark start the host themselves (STACK_USE_FUNC=0): they need a host build even where func is.
  if [ -z "${FUNCTIONS_HOST_DIR:-}" ] && { [ "${STACK_USE_FUNC:-1}" = 0 ] || ! command -v func >/dev/null 2>&1; }; then
    export FUNCTIONS_HOST_DIR="$STACK_CACHE/functions-host"
    echo "Building the Azure Functions host from $STACK_SHARED/functions-host (cached)..."
    bash "$STACK_SHARED/functions-host/build.sh" "$FUNCTIONS_HOST_DIR" >"$STACK_CACHE/functions-host-build.log" 2>&1 \
      || { echo "The Functions host did not build; see $STACK_CACHE/functions-host-build.log" >&2; return 1; }
  fi
  if [ -z "${SIGNALR_EMULATOR_DIR:-}" ]; then
    export SIGNALR_EMULATOR_DIR="$STACK_CACHE/signalr-emulator"
    echo "Building the Azure SignalR Service emulator from $STACK_SHARED/signalr-emulator (cached)..."
    bash "$STACK_SHARED/signalr-emulator/build.sh" "$SIGNALR_EMULATOR_DIR" >"$STACK_CACHE/signalr-emulator-build.log" 2>&1 \
      || { echo "The SignalR emulator did not build; see $STACK_CACHE/signalr-emulator-build.log" >&2; return 1; }
  fi
}

stack_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Each process gets a session of its own (setsid), so a Ctrl+C in the terminal reaches only the script, which then
# stops them in order: the host before its storage (with storage gone the host takes minutes to stop).
stack_start_emulator() {
  local port="$1" log="$2"
  if stack_listening "$port"; then echo "Port $port is in use: the SignalR emulator needs it." >&2; return 1; fi
  setsid env SIGNALR_EMULATOR_DIR="$SIGNALR_EMULATOR_DIR" bash "$STACK_SHARED/signalr-emulator/run.sh" "$port" >"$log" 2>&1 &
  STACK_EMULATOR_PID=$!
  stack_wait_for "$log" "successfully started" "$STACK_EMULATOR_PID" 30 "The SignalR emulator"
}

# The app's settings are the caller's environment (as on Azure): export them first.
stack_start_host() {
  local app_dir="$1" port="$2" log="$3"
  if stack_listening "$port"; then echo "Port $port is in use: the Functions host needs it." >&2; return 1; fi
  if [ -n "${FUNCTIONS_HOST_DIR:-}" ]; then
    setsid env LIVECHAT_SHARED_DIR="$STACK_SHARED" bash "$STACK_ROOT/scripts/functions-host.sh" "$app_dir" "$port" >"$log" 2>&1 &
  else
    (cd "$app_dir" && exec setsid func host start --port "$port") >"$log" 2>&1 &
  fi
  STACK_HOST_PID=$!
  stack_wait_for "$log" "Job host started" "$STACK_HOST_PID" 120 "The Functions host"
}

# Waits until LOG says TEXT, while PID lives, at most SECONDS.
stack_wait_for() {
  local log="$1" text="$2" pid="$3" seconds="$4" what="$5"
  for _ in $(seq 1 $((seconds * 5))); do
    grep -q "$text" "$log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "$what did not start; see $log" >&2
  return 1
}

# Stops the pid's whole session: SIGTERM, then SIGKILL for what is left after $2 seconds. After a SIGKILL the
# host's worker would survive it, so the session (host, worker, anything else they started) goes together.
stack_stop_session() {
  local pid="$1" grace="$2"
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((grace * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stack_stop() {
  stack_stop_session "$STACK_HOST_PID" 5; STACK_HOST_PID=""
  stack_stop_session "$STACK_EMULATOR_PID" 2; STACK_EMULATOR_PID=""
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    build) stack_build_tools ;;
    *) echo "usage: bash scripts/stack.sh build" >&2; exit 2 ;;
  esac
fi
