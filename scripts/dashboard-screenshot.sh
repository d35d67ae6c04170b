#!/usr/bin/env bash
# A screenshot of the Aspire dashboard's resources, taken with headless Chromium, to look at what a developer sees.
# Usage: scripts/dashboard-screenshot.sh [login URL] [output.png] [page path, e.g. /traces/detail/<trace id>]
#   Without a URL, it reads the login URL from the AppHost's output in $APPHOST_LOG (default: .data/apphost.log).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
url="${1:-$(grep -o 'http://localhost:18888/login?t=[0-9a-f]*' "${APPHOST_LOG:-$root/.data/apphost.log}" | tail -n 1)}"
output="${2:-$root/.data/dashboard.png}"
command -v chromium >/dev/null || { echo "chromium is missing. Install it with: sudo apt-get install -y chromium" >&2; exit 2; }
tools="$root/.tools/playwright-core-1.64.1"
if [ ! -d "$tools/node_modules/playwright-core" ]; then
  mkdir -p "$tools"
  echo '{ "private": true, "dependencies": { "playwright-core": "1.64.1" } }' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error)
fi
NODE_PATH="$tools/node_modules" node "$root/scripts/dashboard-screenshot.cjs" "$url" "$output" ${3:+"$3"}
