import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dictionary file `npm run build` writes into data/ (scripts/build-dictionary-index.ts; the same
 * path from src/ and dist/), as bytes. A checkout that has not built it, or whose file an older
 * build wrote (its header line fails `isCurrent`), gets the same text from `build`, made in memory
 * as slowly as before. A plain Uint8Array view: Buffer's own indexOf goes through a JS wrapper at
 * every call, the typed array's is a builtin.
 */
export function readDataFile(
  name: string,
  build: () => string,
  isCurrent: (header: string) => boolean,
): Uint8Array {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(new URL(`../../../data/${name}`, import.meta.url));
  } catch {
    bytes = undefined;
  }
  if (!bytes || !isCurrent(headerOf(bytes))) bytes = new TextEncoder().encode(build());
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** A file's first line, decoded. */
function headerOf(bytes: Uint8Array): string {
  const newline = bytes.indexOf(0x0a);
  return new TextDecoder().decode(bytes.subarray(0, newline < 0 ? bytes.length : newline));
}
