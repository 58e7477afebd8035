import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BitextError } from '../core/errors.js';

/** Where a path leads: its canonical name and, when it exists, the file itself (device + inode). */
interface Identity {
  path: string;
  file?: { dev: number; ino: number };
}

async function identify(path: string): Promise<Identity> {
  const info = await stat(path).catch(() => undefined);
  // realpath fails on what stat can follow: /dev/stdout leads to /proc/self/fd/1, then to "pipe:[N]".
  if (info) return { path: await realpath(path).catch(() => path), file: { dev: info.dev, ino: info.ino } };
  // Not there (yet): a file the output would create, such as a database's -wal file while it is
  // closed. Name it by its directory's real path so `./x`, `x` and `link-dir/x` compare equal.
  const dir = await realpath(dirname(path)).catch(() => dirname(path));
  return { path: join(dir, basename(path)) };
}

/**
 * Refuses an output path that is one of the command's inputs (or files it must not touch, such as
 * the database and its -wal/-shm files): writing it would destroy what is being read. Compares real
 * paths (symbolic links resolved) and device + inode, so `./doc.txt`, a symlink to it and a hard
 * link to it are all caught. `-` and undefined entries are skipped; relative paths are from `cwd`.
 */
export async function assertNotOverwritingInput(
  out: string | undefined,
  protectedPaths: readonly (string | undefined)[],
  cwd: string,
): Promise<void> {
  if (out === undefined || out === '-') return;
  const target = await identify(resolve(cwd, out));
  for (const input of protectedPaths) {
    if (input === undefined || input === '-') continue;
    const other = await identify(resolve(cwd, input));
    const sameFile =
      target.file !== undefined &&
      other.file !== undefined &&
      target.file.dev === other.file.dev &&
      target.file.ino === other.file.ino;
    if (sameFile || target.path === other.path) {
      // Name the input when the user could not tell from the two spellings that they are one file.
      const spelledAlike = resolve(cwd, input) === resolve(cwd, out);
      const how = target.path === other.path ? '' : ', by a hard link';
      const shown = spelledAlike ? '' : ` (${input}${how})`;
      throw new BitextError(
        'OUTPUT_IS_INPUT',
        `-o ${out} is one of the inputs${shown}; refusing to overwrite it`,
      );
    }
  }
}
