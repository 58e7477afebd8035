/**
 * Bundles the CLI's code once per command, into dist/bundle/<command>.js, for bin/bitext.js.
 *
 * Why: Node loads ES modules one at a time (resolve, read, compile, link), about 1 ms each, and
 * `bitext align` reaches about 95 of bitext's own. On the bundled sample that was ~50 ms of a 0.37 s
 * run (CPU, interleaved medians of 11 runs: 0.368 s from dist/, 0.318 s from one bundle; esbuild's
 * code splitting, one bundle shared by all commands in 28 chunks, saved only 35 ms).
 *
 * Each bundle holds src/cli/main.ts and the one command's modules; the other commands' modules stay
 * imports of the unbundled dist/ (run() loads only the command it is given, so a bundle never
 * loads them). Packages stay imports of node_modules (bundling commander in cost more than it saved).
 * `import.meta.url` in each module is rewritten to the URL of its own file in dist/, so data files,
 * workers and createRequire resolve exactly as from dist/.
 *
 * Run by `npm run build` after tsc; `tsx scripts/bundle-cli.ts` alone rebuilds the bundles.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bundleDir = path.join(dist, 'bundle');
/** Built here, then renamed to bundleDir: a killed build leaves no half-written bundle for the bin. */
const outDir = path.join(dist, `bundle.tmp-${process.pid}`);

/** A command's module as run.ts imports it (`./commands/align.js`). */
const COMMAND_IMPORT = /^\.\/commands\/([a-z-]+)\.js$/;

function bundleOptions(command: string): esbuild.BuildOptions {
  return {
    entryPoints: [path.join(dist, 'cli/main.js')],
    outfile: path.join(outDir, `${command}.js`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'bitext-cli',
        setup(build) {
          // The other commands stay imports of their unbundled modules.
          build.onResolve({ filter: COMMAND_IMPORT }, (args) => {
            const name = COMMAND_IMPORT.exec(args.path)![1]!;
            if (name === command) return undefined;
            const target = path.join(args.resolveDir, args.path);
            return { path: relativeUrl(target), external: true };
          });
          build.onLoad({ filter: /\.js$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const ownUrl = `new URL(${JSON.stringify(relativeUrl(args.path))}, import.meta.url).href`;
            return { contents: text.replaceAll('import.meta.url', ownUrl), loader: 'js' };
          });
        },
      },
    ],
  };
}

/** The path from the bundles' directory to a file of dist/, as a relative URL (`../core/x.js`). */
function relativeUrl(file: string): string {
  return path.relative(outDir, file).split(path.sep).join('/');
}

async function main(): Promise<void> {
  const { COMMAND_NAMES } = (await import(pathToFileURL(path.join(dist, 'cli/run.js')).href)) as {
    COMMAND_NAMES: readonly string[];
  };
  await Promise.all(COMMAND_NAMES.map((command) => esbuild.build(bundleOptions(command))));
  await rm(bundleDir, { recursive: true, force: true });
  await rename(outDir, bundleDir);
}

await main();
