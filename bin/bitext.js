#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli/run.ts (compiled to dist/ by `npm ci` via the prepare script).
import { prepareCommand } from '../dist/cli/load-bundle.js';

// A command runs from its bundle (dist/bundle/<command>.cjs, made by scripts/bundle-cli.ts): one
// minified file with its code cache loads ~0.1 s faster than the ~95 modules it holds. Help, a
// mistyped command or a build without bundles run from dist/ itself.
const { nodeIo, removeTempFilesSync, run } =
  prepareCommand(process.argv[2])?.main ?? (await import('../dist/cli/main.js'));

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
process.exitCode = await run(process.argv.slice(2), nodeIo());
