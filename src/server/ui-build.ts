import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Bundles the review UI (main.ts and what it imports) into one app.js beside index.html and app.css:
// no CDN and no request but to the server itself, so the UI works offline. `npm run build` runs this
// into dist/ui; the browser tests run it into a temporary folder.

/** The UI's sources: beside this file in src/, and still in src/ when this runs compiled from dist/. */
const HERE = fileURLToPath(new URL('../../src/server/ui/', import.meta.url));

export async function buildUi(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(HERE, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    outfile: join(outDir, 'app.js'),
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'app.css']) copyFileSync(join(HERE, file), join(outDir, file));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildUi(resolve(process.argv[2] ?? fileURLToPath(new URL('../../dist/ui/', import.meta.url))));
}
