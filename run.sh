#!/usr/bin/env bash
# Runs the product locally: Azurite, the widget bundle and the local server (API, realtime hub, Durable engine,
# demo page). Open the printed URL.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
port="${PORT:-5080}"
bash scripts/install.sh
source scripts/azurite.sh
# Keep local data across restarts of the server (and of this script).
AZURITE_LOCATION="${AZURITE_LOCATION:-$root/.azurite}" azurite_start
trap azurite_stop EXIT INT TERM
dotnet build src/Livechat.LocalServer -c Release -nologo -v quiet
echo
echo "Livechat: open http://127.0.0.1:$port/ (demo page) and http://127.0.0.1:$port/agent/ (agent console). Ctrl+C stops it."
echo
bin="$root/src/Livechat.LocalServer/bin/Release/net10.0"
dotnet "$bin/Livechat.LocalServer.dll" --urls "http://127.0.0.1:$port" --contentRoot "$bin"
