import { existsSync, linkSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { removedOnSignal } from '../../io/atomic-write.js';

/**
 * Builds a new SQLite database for `path` in a temporary file beside it, and puts it in place only
 * once `build` has succeeded (and closed it): a write command that fails on a TM it was creating —
 * a first `tm import` of a broken file, a `tm delete` on a TM that does not exist — leaves no empty
 * TM behind, nor the folders made for it. Deleting the new file after a failure would not be safe:
 * another process may have opened the new TM meanwhile, and its writes would go to a deleted file.
 *
 * The file is put in place by a hard link, which fails when `path` appeared meanwhile (another
 * process created the TM first): `placed` is then false, `path` is left as the other made it, and the
 * caller does its work again there. A process killed with SIGKILL leaves its temporary file
 * (`.NAME.PID-….new`), never a half-built TM under the TM's name.
 */
export async function buildNewDatabase<T>(
  path: string,
  build: (temporary: string) => Promise<T>,
): Promise<{ value: T; placed: boolean }> {
  const directory = dirname(path);
  // The first folder made (undefined when it existed): what a failure removes again.
  const madeFrom = mkdirSync(directory, { recursive: true });
  // Unique by the process and, within it, by chance (node:crypto is not loaded for a name: it costs
  // every command ~20 modules at its start).
  const unique = `${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  const temporary = join(directory, `.${basename(path)}.${unique}.new`);
  // Ctrl-C or a kill while it is built: the bin shim's handler removes it (no `finally` runs then).
  const release = removedOnSignal(DATABASE_SUFFIXES.map((suffix) => temporary + suffix));
  let value: T;
  try {
    value = await build(temporary);
  } catch (error) {
    removeDatabaseFiles(temporary);
    if (madeFrom !== undefined) removeEmptyFolders(madeFrom, directory);
    throw error;
  } finally {
    release();
  }
  try {
    return { value, placed: place(temporary, path) };
  } finally {
    removeDatabaseFiles(temporary);
  }
}

/** A database file's own name, and the journal files SQLite may keep beside it. */
const DATABASE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/** Links `temporary` at `path`: false when `path` exists. */
function place(temporary: string, path: string): boolean {
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: a rename, which would replace a TM created in the moment
    // between the look and the rename, so it is made only if none is there.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    if (existsSync(path)) return false;
    renameSync(temporary, path);
    return true;
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of DATABASE_SUFFIXES) rmSync(file + suffix, { force: true });
}

/** Removes `directory` and its parents up to `top`, those that are empty: the folders made for a TM. */
function removeEmptyFolders(top: string, directory: string): void {
  const depth = relative(top, directory).split(sep).filter(Boolean).length;
  let folder = directory;
  for (let level = 0; level <= depth; level++, folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return; // not empty (something else was put there meanwhile): kept, with its parents
    }
  }
}
