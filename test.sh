#!/usr/bin/env bash
# Runs every test suite: the widget's unit tests, then all .NET tests (unit, Azurite integration, Durable engine,
# the Functions app end to end on the Azure Functions host with the SignalR emulator, headless Chromium, Bicep).
# Prints one summary line: N passed, N failed, N skipped.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bash scripts/install.sh || exit 1
source scripts/stack.sh
STACK_USE_FUNC=0 stack_build_tools || { echo "0 passed, 1 failed"; exit 1; }
source scripts/azurite.sh
azurite_start || exit 1
trap azurite_stop EXIT INT TERM

passed=0; failed=0; skipped=0; status=0
results="$(mktemp -d)"

(cd src/widget && npx vitest run --reporter=json --outputFile="$results/vitest.json") || status=1
if [ -f "$results/vitest.json" ]; then
  read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests+r.numTodoTests)' "$results/vitest.json")
  echo "widget (vitest): $p passed, $f failed, $s skipped"
  passed=$((passed+p)); failed=$((failed+f)); skipped=$((skipped+s))
else
  failed=$((failed+1))
fi

dotnet build Functions.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Functions.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results/trx" || status=1
for trx in "$results"/trx/*.trx; do
  [ -f "$trx" ] || continue
  read -r name p f s < <(python3 - "$trx" <<'PY'
import re,sys
c=open(sys.argv[1],encoding='utf-8').read()
m=re.search(r'<Counters[^>]*>',c).group(0)
g=lambda k:int(re.search(k+r'="(\d+)"',m).group(1)) if re.search(k+r'="(\d+)"',m) else 0
s=re.search(r'storage="([^"]+)"',c)
name=re.sub(r'\.dll$','',s.group(1).split('/')[-1]) if s else 'tests'
print(name, g('passed'), g('failed')+g('error')+g('timeout')+g('aborted'), g('notExecuted'))
PY
)
  echo "$name: $p passed, $f failed, $s skipped"
  passed=$((passed+p)); failed=$((failed+f)); skipped=$((skipped+s))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
