#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli/run.ts (compiled to dist/ by `npm ci` via the prepare script).
import { nodeIo } from '../dist/cli/node-io.js';
import { run } from '../dist/cli/run.js';

// A reader that stops early (`bitext align doc.txt | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await run(process.argv.slice(2), nodeIo());
