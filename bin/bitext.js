#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli/run.ts (compiled to dist/ by `npm ci` via the prepare script).
import { existsSync } from 'node:fs';

// A command runs from its bundle (dist/bundle/<command>.js, made by scripts/bundle-cli.ts): one file
// loads ~50 ms faster than the ~95 modules it holds. Help, a mistyped command or a build without
// bundles run from dist/ itself.
const command = process.argv[2] ?? '';
const bundle = new URL(`../dist/bundle/${command}.js`, import.meta.url);
const { nodeIo, removeTempFilesSync, run, tuneJitForCommand } =
  /^[a-z]+$/.test(command) && existsSync(bundle)
    ? await import(bundle.href)
    : await import('../dist/cli/main.js');

// A reader that stops early (`bitext align doc.txt | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Ctrl-C or a kill ends the process between two awaits, where no `finally` runs: remove the
// half-written temporary files of atomic writes (the targets are untouched until the rename), then
// exit as a shell reports a death by that signal (128 + its number).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    removeTempFilesSync();
    process.stderr.write(`bitext: interrupted by ${signal}\n`);
    process.exit(code);
  });
}
tuneJitForCommand(process.argv[2]);
process.exitCode = await run(process.argv.slice(2), nodeIo());
