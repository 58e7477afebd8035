import { lstat, readdir, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { targetOfTemporary } from '../io/atomic-write.js';

// A batch killed with kill -9 leaves the temporary file of the output it was writing (no handler
// runs; io/atomic-write.ts removes them on SIGINT and SIGTERM only). The next run of the batch
// removes those of its own outputs, and nothing else.

/**
 * Removes the temporary files of `targets` (paths from `cwd`) last modified before `before`
 * (ms since the epoch), and returns how many. Only names writeFileAtomic makes for one of the
 * targets are touched, and only regular files.
 */
export async function removeStaleTemporaries(
  targets: readonly string[],
  cwd: string,
  before: number,
): Promise<number> {
  const namesByDir = new Map<string, Set<string>>();
  for (const target of targets) {
    const path = resolve(cwd, target);
    const names = namesByDir.get(dirname(path)) ?? new Set<string>();
    names.add(basename(path));
    namesByDir.set(dirname(path), names);
  }
  let removed = 0;
  for (const [dir, names] of namesByDir) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const target = targetOfTemporary(entry);
      if (target === undefined || !names.has(target)) continue;
      const path = resolve(dir, entry);
      const info = await lstat(path).catch(() => undefined);
      if (!info?.isFile() || info.mtimeMs >= before) continue;
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
