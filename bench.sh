#!/usr/bin/env bash
# The load benchmark and cost model: ./bench.sh [--visitors 1,50,500] [--exchanges 3] [--history-k 10,100,1000|none] [--smoke]
# (more knobs: --saturation-rooms 32 --saturation-clicks 8 --agent-interval 5 --arrival-window SECONDS --repeat 20 --out DIR)
# Installs the npm packages (Azurite, the widget), builds Release, starts a fresh in-memory Azurite on ports
# 20000-20002, runs bench/Livechat.Benchmark (which starts the local server as its own process on a free loopback
# port for each N, behind a request-counting proxy), writes docs/benchmark.md and docs/benchmark.png, and stops
# everything it started. --smoke: N = 5, K = 3, no history phase, writes nothing, exits non-zero on any error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bash scripts/install.sh >/dev/null
dotnet build src/Livechat.LocalServer -c Release -nologo -v quiet
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
trap 'kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/${ports[2]}") 2>/dev/null && break
  sleep 0.2
done

dotnet bench/Livechat.Benchmark/bin/Release/net10.0/Livechat.Benchmark.dll \
  --azurite-ports "$(IFS=,; echo "${ports[*]}")" --server-dir src/Livechat.LocalServer/bin/Release/net10.0 \
  --out docs --command "./bench.sh $*" "$@"
