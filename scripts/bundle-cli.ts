/**
 * Bundles the CLI's code once per command, into dist/bundle/<command>.cjs, and makes each bundle's
 * V8 code cache (<command>.cjs.cache) by running the command once: src/cli/load-bundle.ts loads
 * them for bin/bitext.js.
 *
 * Why: Node loads ES modules one at a time (resolve, read, compile, link), about 1 ms each, and
 * `bitext align` reaches about 95 of bitext's own; Node 20 keeps no compiled code between runs.
 * On the bundled sample (process CPU, interleaved medians of 15 runs): 0.374 s from dist/, 0.319 s
 * from one ES-module bundle, 0.300 s from this bundle with its code cache, ~0.27 s minified.
 * (esbuild's code splitting, one bundle for all commands in 28 chunks, saved only 35 ms.)
 *
 * Each bundle holds src/cli/main.ts and the one command's modules; the other commands' modules stay
 * imports of the unbundled dist/ (run() loads only the command it is given, so a bundle never
 * loads them). Packages stay in node_modules, but for small pure-JavaScript ones the commands
 * load at every start, whose compiled code the cache then keeps too. `import.meta.url` in each
 * module becomes the URL of its own file in dist/, so data files, workers and createRequire
 * resolve exactly as from dist/.
 *
 * The cache is made by a run on the bundled example (align, qa, terms) or of `--help` (the others),
 * under the JIT flags the bin sets for that command (src/cli/jit.ts): V8 refuses a cache made under
 * other flags or by another Node, and the bundle is then compiled as it stands.
 *
 * Run by `npm run build` after tsc; `tsx scripts/bundle-cli.ts` alone rebuilds the bundles.
 */
import { spawnSync } from 'node:child_process';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bundleDir = path.join(dist, 'bundle');
/** Built here, then renamed to bundleDir: a killed build leaves no half-written bundle for the bin. */
const outDir = path.join(dist, `bundle.tmp-${process.pid}`);

/** Packages bundled in: pure JavaScript, no files of their own to find, loaded at every start. */
const INLINE_PACKAGES = new Set(['commander', 'stemmer', 'opencc-js', 'fastest-levenshtein']);
/** What the code cache of each command is made from; `--help` for the others. */
const EXAMPLE = path.join(root, 'examples/press-release.txt');
const TRAINING_ARGS: Readonly<Record<string, readonly string[]>> = {
  align: [EXAMPLE],
  qa: [EXAMPLE],
  terms: [EXAMPLE],
};

function bundleOptions(command: string): esbuild.BuildOptions {
  return {
    entryPoints: [path.join(dist, 'cli/main.js')],
    outfile: path.join(outDir, `${command}.cjs`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // Whitespace and syntax only (names stay, for stack traces): the sample 0.311 → 0.273 s of CPU
    // (21 interleaved runs; qa and terms on it the same).
    minifyWhitespace: true,
    minifySyntax: true,
    // With the wrapper's own `require` and `__dirname`: a module's `const require = createRequire(…)`
    // shadows the first inside its code. (`import.meta.resolve` is only in the branches that run
    // the TypeScript sources under tsx, never from dist/.)
    banner: {
      js: [
        'var __bitextUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, file)).href;',
        'var __bitextResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
      ].join('\n'),
    },
    plugins: [
      {
        name: 'bitext-cli',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = args.path.startsWith('@') ? args.path : args.path.split('/')[0]!;
            return INLINE_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
          });
          build.onLoad({ filter: /\.js$/, namespace: 'file' }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            if (!args.path.startsWith(`${dist}${path.sep}`)) return undefined;
            const ownUrl = `__bitextUrl(${JSON.stringify(relativePath(args.path))})`;
            const contents = text
              .replaceAll('import.meta.url', ownUrl)
              .replaceAll('import.meta.resolve(', '__bitextResolve(')
              .replace(DYNAMIC_IMPORT, (call, _quote, specifier: string) =>
                dynamicImport(call, specifier, args.path, command),
              );
            return { contents, loader: 'js' };
          });
        },
      },
    ],
  };
}

/** `import('…')` with a literal specifier. */
const DYNAMIC_IMPORT = /\bimport\((['"])([^'"]+)\1\)/g;

/**
 * A dynamic import of a module compiled by vm.Script goes through the loader's `__bitextImport`
 * (load-bundle.ts): Node 20 gives such code `import()` only as an experimental feature that warns
 * on stderr, and loses it from code read from a cache. Relative imports of bitext's own modules are
 * left to esbuild, which bundles them, but for the other commands' modules: those stay files of
 * dist/ (run() loads only the command it is given, so a bundle never loads them).
 */
function dynamicImport(call: string, specifier: string, importer: string, command: string): string {
  if (!specifier.startsWith('.')) return `__bitextImport(${JSON.stringify(specifier)})`;
  const target = path.resolve(path.dirname(importer), specifier);
  const commands = path.join(dist, 'cli/commands');
  if (path.dirname(target) !== commands || path.basename(target) === `${command}.js`) return call;
  return `__bitextImport(__bitextUrl(${JSON.stringify(relativePath(target))}))`;
}

/** The path from the bundles' directory to a file of dist/ (`../core/x.js`), with forward slashes. */
function relativePath(file: string): string {
  return path.relative(outDir, file).split(path.sep).join('/');
}

/**
 * Runs the command once from its bundle in a fresh Node (flags as the bin sets them, output
 * discarded) and writes the bundle's code cache.
 */
function makeCodeCache(command: string): void {
  const url = (file: string) => JSON.stringify(pathToFileURL(path.join(dist, file)).href);
  const script = `
    import { renameSync, writeFileSync } from 'node:fs';
    const { bundleFile, prepareCommand } = await import(${url('cli/load-bundle.js')});
    const [command, ...args] = process.argv.slice(1);
    const bundle = prepareCommand(command, { useCache: false });
    if (!bundle) throw new Error('this Node cannot load the bundle of ' + command);
    process.exitCode = await bundle.main.run([command, ...args], bundle.main.nodeIo());
    const cache = bundleFile(command) + '.cache';
    writeFileSync(cache + '.tmp', bundle.script.createCachedData());
    renameSync(cache + '.tmp', cache);`;
  const args = TRAINING_ARGS[command] ?? ['--help'];
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, command, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bitext ${command}: no code cache: ${run.stderr}`);
}

async function main(): Promise<void> {
  const { COMMAND_NAMES } = (await import(pathToFileURL(path.join(dist, 'cli/run.js')).href)) as {
    COMMAND_NAMES: readonly string[];
  };
  await Promise.all(COMMAND_NAMES.map((command) => esbuild.build(bundleOptions(command))));
  await rm(bundleDir, { recursive: true, force: true });
  await rename(outDir, bundleDir);
  // Made where the bundles stay: V8 keeps the script's file name from the run that made the cache.
  const { require_module: requiresModules } = process.features as { require_module?: boolean };
  if (requiresModules) for (const command of COMMAND_NAMES) makeCodeCache(command);
}

await main();
