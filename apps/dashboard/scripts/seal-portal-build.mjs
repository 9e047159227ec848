#!/usr/bin/env node
// After the portal (adapter-node) build: removes the public build's data files that
// SvelteKit copied from static/data into build-node/client/. adapter-node serves client/
// to anyone before any hook runs, and the portal must hand data out only per audience
// (the server answers /data/ from the user's own files).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const client = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build-node/client');
if (!existsSync(client))
  throw new Error(`seal-portal-build: ${client} does not exist; run the node build first.`);
rmSync(path.join(client, 'data'), { recursive: true, force: true });
const left = readdirSync(client).filter(
  (name) => name !== '_app' && !/\.(ico|png|svg|txt|webmanifest)$/.test(name),
);
if (left.length > 0)
  throw new Error(`seal-portal-build: unexpected public files in build-node/client: ${left.join(', ')}`);
console.log('seal-portal-build: build-node/client holds only the app code and icons.');
