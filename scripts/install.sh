#!/usr/bin/env bash
# Installs what the build needs that a fresh machine lacks: npm packages (Azurite, the widget's toolchain).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund
[ -d src/widget/node_modules ] || (cd src/widget && npm ci --no-audit --no-fund)
(cd src/widget && npm run --silent build)
