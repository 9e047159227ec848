#!/usr/bin/env bash
# The project's main job on a fresh machine: installs what it needs, builds the dashboard
# and starts the network portal (the SvelteKit server build) on the bundled synthetic demo
# network, at http://127.0.0.1:4173 until stopped (Ctrl-C). The first start fills an empty
# database (apps/dashboard/.portal/) with the demo network and demo accounts; every start
# prints the demo accounts. Set PORT to change the port, PORTAL_DB to use another database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
pnpm exec turbo run build --filter=@maternity-qi/dashboard... --output-logs=errors-only
echo "Portal: http://127.0.0.1:${PORT:-4173}/portal  (demo data: synthetic network, pseudonymised sites)"
exec node apps/dashboard/scripts/start-portal.mjs --port "${PORT:-4173}"
