#!/usr/bin/env bash
# Runs every check the project has: lint and format (Biome), type checks,
# unit, conformance and property tests, and (once the dashboard exists) the
# browser tests. Ends with one line "N passed, N failed" over all tests.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
rm -rf packages/*/.test-results apps/*/.test-results

status=0
pnpm exec biome ci . || status=1
pnpm exec turbo run build typecheck test --output-logs=errors-only || status=1
node scripts/summarise-tests.mjs || status=1
exit $status
