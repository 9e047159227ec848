#!/usr/bin/env bash
# Runs every check the project has: lint and format (Biome), type checks,
# unit, conformance and property tests, and the dashboard's end-to-end tests
# in Debian's Chromium. Ends with one line "N passed, N failed" over all tests.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
if ! command -v chromium >/dev/null 2>&1; then
  # The browser tests drive Debian's Chromium; browsers are never downloaded.
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
rm -rf packages/*/.test-results apps/*/.test-results apps/*/e2e-out

status=0
# Steps that fail outside any test report (lint, format, type checks, builds) are named here
# and counted in the final line, so "N passed, 0 failed" always means the whole run passed.
failed_steps=()
pnpm exec biome ci . || { status=1; failed_steps+=("biome ci (lint and format)"); }
pnpm exec turbo run build typecheck test --output-logs=errors-only ||
  { status=1; failed_steps+=("turbo build typecheck test"); }
# After the unit tests, not beside them: on 2 cores the browser tests need the CPU.
pnpm exec turbo run e2e --output-logs=new-only || { status=1; failed_steps+=("turbo e2e"); }
node scripts/summarise-tests.mjs ${failed_steps[@]+"${failed_steps[@]}"} || status=1
exit $status
