#!/usr/bin/env node
/**
 * Entry point of the `qi-stats` command (package.json `bin`). Everything it
 * does lives in run-cli.ts; this file only wires it to the real process.
 */
import { nodeIo } from './node-io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
