#!/usr/bin/env node
import { nodeIo } from '../dist/cli/node-io.js';
// Thin shim: the CLI lives in src/cli/run.ts (compiled to dist/ by `npm ci` via the prepare script).
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2), nodeIo());
