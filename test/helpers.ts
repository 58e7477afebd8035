import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import type { RangeBead } from '../src/core/align/search.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const SAMPLE_PATH = join(SHARED, 'samples/000_12b8442f5b1b4126.txt');
/** The founding sample ships in the repo as the bundled example, so tests run without ../shared too. */
export const EXAMPLE_PATH = join(REPO_ROOT, 'examples/press-release.txt');

export function readExample(): string {
  return readFileSync(EXAMPLE_PATH, 'utf8');
}

/** Runs the CLI in-process and returns its exit code and output. */
export async function runCli(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const mem = memoryIo({ cwd: REPO_ROOT, ...options });
  const code = await run(argv, mem.io);
  return { code, stdout: mem.stdout(), stderr: mem.stderr() };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file: returns a function that makes a fresh temporary directory, and removes every one
 * it made after each test.
 */
export function tempDirsPerTest(prefix = 'bitext-test-'): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** A first-pass alignment of n sentences on each side, one to one (for calibrated evidence tests). */
export function oneToOneBeads(n: number): RangeBead[] {
  return Array.from({ length: n }, (_, i) => ({
    zhStart: i,
    zhEnd: i + 1,
    enStart: i,
    enEnd: i + 1,
    cost: 0,
  }));
}
