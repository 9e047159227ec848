#!/usr/bin/env bash
# The project's main job on a fresh machine: installs what it needs, builds
# the dashboard on the bundled synthetic demo network (data/demo) and serves
# it on http://127.0.0.1:4173 until stopped (Ctrl-C). Set PORT to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
pnpm exec turbo run build --filter=@maternity-qi/dashboard... --output-logs=errors-only
echo "Dashboard: http://127.0.0.1:${PORT:-4173}/  (demo data: synthetic network, pseudonymised sites)"
exec node apps/dashboard/e2e/serve.mjs --port "${PORT:-4173}"
