#!/usr/bin/env bash
# Shared set-up for start.sh and test.sh: the exact pnpm the lockfile pins,
# then the workspace's packages. Safe to run again; fast when nothing changed.
set -euo pipefail
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PNPM_VERSION=12.4.2
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  # corepack cannot verify signatures on this registry; a global npm install can.
  npm install -g --allow-scripts=pnpm "pnpm@$PNPM_VERSION" >/dev/null
fi
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
