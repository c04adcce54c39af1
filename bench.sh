#!/usr/bin/env bash
# The load benchmark and cost model: ./bench.sh [--visitors 1,50,500] [--exchanges 3] [--history-k 10,100,1000|none] [--smoke]
# (more knobs: --saturation-rooms 32 --saturation-clicks 8 --agent-interval 5 --arrival-window SECONDS --repeat 20 --out DIR)
# Installs the npm packages (Azurite, the widget), builds the Functions host and the SignalR Service emulator from
# ../shared (cached), builds Release, starts a fresh in-memory Azurite on ports 20000-20002, runs
# bench/Livechat.Benchmark (which starts the Livechat Functions app on the Functions host, a fresh host on a free
# loopback port for each phase, and its echo-floor app on another, their storage behind request-counting proxies,
# with the SignalR emulator), writes docs/benchmark.md and docs/benchmark.png, and stops everything it started.
# --smoke: N = 5, K = 3, no history phase, writes nothing, exits non-zero on any error.
# --scale-out [--scale-out-conversations 500]: instead, two Livechat hosts on one task hub behind a round-robin front end:
#   500 bot conversations split over both, then 100 with one host killed mid-load, then 100 while it is started again;
#   prints its report, exits non-zero on anything lost, duplicated or failed (with --smoke: 20 conversations).
# --retention [--retention-conversations 300]: instead, one host that keeps ended rooms 60 s: two batches of bot
#   conversations, each followed by the sweeper's purge; prints the task hub's table sizes (docs/retention.md).
# BENCH_SERVER_LOG=/path/prefix keeps each host's whole output, timed, in /path/prefix-NN-APP.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bash scripts/install.sh >/dev/null
source scripts/stack.sh
STACK_USE_FUNC=0 stack_build_tools
# The benchmark references the two Functions apps it runs (src/Livechat.Functions, bench/Livechat.Benchmark.EchoApp)
# without linking them: building it builds both.
dotnet build bench/Livechat.Benchmark -c Release -nologo -v quiet

ports=(20000 20001 20002)
for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use: the benchmark needs its own fresh Azurite on 20000-20002." >&2
    exit 1
  fi
done
log="$(mktemp)"
node_modules/.bin/azurite --silent --disableTelemetry --inMemoryPersistence --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "${ports[0]}" --queuePort "${ports[1]}" --tablePort "${ports[2]}" >"$log" 2>&1 &
azurite_pid=$!
bench_pid=""
# The benchmark first (SIGTERM: it stops the Functions hosts it started, as on Ctrl+C), then Azurite: a host whose
# storage is gone takes minutes to stop.
stop() {
  if [ -n "$bench_pid" ]; then kill -TERM "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; fi
  kill "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/${ports[2]}") 2>/dev/null && break
  sleep 0.2
done

# In the background, so that a Ctrl+C or a kill of this script reaches it through stop() while it runs.
dotnet bench/Livechat.Benchmark/bin/Release/net10.0/Livechat.Benchmark.dll \
  --azurite-ports "$(IFS=,; echo "${ports[*]}")" \
  --out docs --command "./bench.sh $*" "$@" &
bench_pid=$!
status=0
wait "$bench_pid" || status=$?
bench_pid=""
exit "$status"
