#!/bin/sh
# Maven runs this before it copies the NHS design system (nhsuk-frontend) into the jar: `npm ci` here, but only when
# package-lock.json changed since the last install (the stamp holds the lock's checksum), so builds stay quick.
set -eu
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "Building Nudge needs Node.js and npm (for the NHS design system, nhsuk-frontend, built into the jar)." >&2
  echo "On Debian or Ubuntu: apt-get install nodejs npm" >&2
  exit 1
fi
stamp=node_modules/.installed-lock.sha256
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ] || [ ! -d node_modules/nhsuk-frontend/dist ]; then
  npm ci --no-audit --no-fund
  echo "$sum" > "$stamp"
fi
