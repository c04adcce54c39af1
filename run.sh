#!/usr/bin/env bash
# Runs the product locally on the stack Azure developers use: the Azure Functions host with the app, Azurite and
# the Azure SignalR Service emulator. The app serves the demo page, the widget and the agent console itself.
# Ctrl+C stops everything it started: the host first, then the emulator, then Azurite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
port="${PORT:-7071}"
emulator_port="${SIGNALR_EMULATOR_PORT:-8888}"
logs="$root/.run"
mkdir -p "$logs"

bash scripts/install.sh
source scripts/stack.sh
stack_build_tools
dotnet build src/Livechat.Functions -c Release -nologo -v quiet
app="$root/src/Livechat.Functions/bin/Release/net10.0"

source scripts/azurite.sh
stop_all() { trap - EXIT INT TERM; echo; echo "Stopping..."; stack_stop; azurite_stop; exit 0; }
trap stop_all EXIT INT TERM
# Local data is kept across restarts of this script.
AZURITE_LOCATION="${AZURITE_LOCATION:-$root/.azurite}" azurite_start
stack_start_emulator "$emulator_port" "$logs/signalr-emulator.log"

# The app's settings, as `func start` reads them: local.settings.json (made from the example on first run).
settings="$root/src/Livechat.Functions/local.settings.json"
[ -f "$settings" ] || cp "$root/src/Livechat.Functions/local.settings.example.json" "$settings"
while IFS= read -r -d '' setting; do export "$setting"; done < <(node -e '
  for (const [k, v] of Object.entries(require(process.argv[1]).Values)) process.stdout.write(`${k}=${v}\0`);
' "$settings")
# The emulator's fixed development key (public, in its source): the example settings leave the connection string empty.
emulator_key=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH
export SignalR__ConnectionString="Endpoint=http://127.0.0.1;Port=$emulator_port;AccessKey=$emulator_key;Version=1.0;"
export FUNCTIONS_HOST_STATE_DIR="$logs/functions-host"
stack_start_host "$app" "$port" "$logs/functions-host.log"

base="http://127.0.0.1:$port"
# Pages may choose only departments the admin marked public, so mark, through the admin API as a customer would,
# those the demo page (sales) and the spec pages (department, early) choose. Marked again on every start.
# The host says it started a moment before the app answers its first request.
for _ in $(seq 1 60); do curl -fs -o /dev/null "$base/api/widget.js" && break; sleep 0.5; done
for department in sales:Sales department:Department early:Early; do
  curl -fsS -o /dev/null --retry 5 --retry-connrefused -XPUT "$base/api/v1/admin/departments/${department%%:*}" -H "x-admin-key: $Admin__ApiKey" \
    -H 'content-type: application/json' -d "{\"name\":\"${department#*:}\",\"public\":true}" \
    || echo "Could not mark the department ${department%%:*} public; the demo's setDepartment will be refused." >&2
done
cat <<TEXT

Livechat is running on the Azure Functions host (log: .run/functions-host.log).
  demo page      $base/
  widget         $base/api/widget.js
  agent console  $base/agent/   (token: curl -s -XPOST $base/api/v1/admin/agents/token -H 'x-admin-key: $Admin__ApiKey' \\
                   -H 'content-type: application/json' -d '{"agentId":"ana","name":"Ana","departments":["sales"]}' | jq -r .token)
  dashboard      $base/dashboard/   (sign in with the admin key: $Admin__ApiKey)
  realtime       the SignalR emulator on 127.0.0.1:$emulator_port
Ctrl+C stops everything.
TEXT
wait "$STACK_HOST_PID" || true
