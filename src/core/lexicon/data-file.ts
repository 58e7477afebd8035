import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dictionary file `npm run build` writes into data/ (scripts/build-dictionary-index.ts; the same
 * path from src/ and dist/), as bytes; a checkout that has not built it gets the same text from
 * `build`, made in memory as slowly as before. A plain Uint8Array view: Buffer's own indexOf goes
 * through a JS wrapper at every call, the typed array's is a builtin.
 */
export function readDataFile(name: string, build: () => string): Uint8Array {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(new URL(`../../../data/${name}`, import.meta.url));
  } catch {
    bytes = new TextEncoder().encode(build());
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
