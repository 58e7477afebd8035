import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { tuneJitForCommand } from './jit.js';

/**
 * Loading a command from its bundle (dist/bundle/<command>.cjs, made by scripts/bundle-cli.ts) with
 * the V8 code cache the build made for it (<command>.cjs.cache): the bytecode of every function the
 * command ran on the bundled example, so a run compiles little of it again. Node 20 caches no
 * compiled code of its own (module.enableCompileCache came in Node 22), so the bundle is compiled
 * here as a CommonJS module wrapper, as the `v8-compile-cache` package does. Its dynamic imports
 * come through `__bitextImport`, this module's `import()` (scripts/bundle-cli.ts).
 *
 * Measured on `bitext align examples/press-release.txt` (process CPU, interleaved medians of 15
 * runs): from dist/ 0.374 s, from one ES-module bundle 0.319 s, from this bundle with its cache
 * 0.300 s, and ~0.27 s with the bundle minified (scripts/bundle-cli.ts).
 */

/** What bin/bitext.js runs (src/cli/main.ts). */
export type CliMain = typeof import('./main.js');

export interface LoadedBundle {
  main: CliMain;
  /** The compiled bundle, to make a code cache from after a run (scripts/bundle-cli.ts). */
  script: vm.Script;
  /** Whether V8 refused the code cache (made by another Node or under other flags); undefined without one. */
  cacheRejected: boolean | undefined;
}

/** Where the build puts the bundles: dist/bundle/, beside dist/cli/ where this module is built. */
const BUNDLE_DIR = fileURLToPath(new URL('../bundle/', import.meta.url));

/** The bundle of `command` in `dir`. */
export function bundleFile(command: string, dir = BUNDLE_DIR): string {
  return path.join(dir, `${command}.cjs`);
}

/**
 * Sets the command's JIT flags (src/cli/jit.ts), then loads its bundle (loadCommandBundle): in that
 * order, as V8 accepts a code cache only under the flags it was made with. Called once per process,
 * before any of the command's code runs, by the bin and by the build that makes the caches.
 */
export function prepareCommand(
  command: string | undefined,
  options: { dir?: string; useCache?: boolean } = {},
): LoadedBundle | undefined {
  tuneJitForCommand(command);
  return loadCommandBundle(command, options);
}

/**
 * The command's bundle, compiled (with its code cache unless `useCache` is false) and run; undefined
 * where there is none to load (a name that is no command's, a build without bundles) or this Node
 * cannot load one (before 20.19, `require` of ES modules, the packages the bundle imports). The
 * caller then runs the CLI from dist/ itself.
 */
export function loadCommandBundle(
  command: string | undefined,
  options: { dir?: string; useCache?: boolean } = {},
): LoadedBundle | undefined {
  if (command === undefined || !/^[a-z]+$/.test(command)) return undefined;
  const { require_module: requiresModules } = process.features as { require_module?: boolean };
  if (!requiresModules) return undefined;
  const file = bundleFile(command, options.dir);
  if (!existsSync(file)) return undefined;
  const cacheFile = `${file}.cache`;
  const cachedData =
    options.useCache !== false && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __bitextImport) {${readFileSync(file, 'utf8')}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} as CliMain };
  const dynamicImport = (specifier: string) => import(specifier);
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    path.dirname(file),
    dynamicImport,
  );
  return { main: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}
