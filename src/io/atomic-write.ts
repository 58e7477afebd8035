import { rmSync } from 'node:fs';
import { chmod, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { BitextError } from '../core/errors.js';

/**
 * The temporary files being written now. A signal ends the process between two awaits, so no
 * `finally` runs; the bin shim's SIGINT/SIGTERM handler removes these instead. This is process-wide
 * state on purpose: signals and the files they orphan belong to the process, not to one call.
 */
const liveTempFiles = new Set<string>();

/** Removes every temporary file still being written (synchronously: for signal handlers). */
export function removeTempFilesSync(): void {
  for (const temp of liveTempFiles) rmSync(temp, { force: true });
  liveTempFiles.clear();
}

/**
 * Holds `paths` (another writer's temporary files, such as a new TM being built) among those a signal
 * removes, until the returned function is called.
 */
export function removedOnSignal(paths: readonly string[]): () => void {
  for (const path of paths) liveTempFiles.add(path);
  return () => {
    for (const path of paths) liveTempFiles.delete(path);
  };
}

/** The temporary files now being written (for tests). */
export function tempFilesInProgress(): string[] {
  return [...liveTempFiles];
}

export interface WriteAtomicOptions {
  /** The target as the user gave it, for error messages (default: the path). */
  name?: string;
}

/** Text, bytes, or a stream of either (XLSX is bytes). */
type Content = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/** A temporary file: `.NAME.<12 hex digits>.tmp` beside its target NAME (TEMPORARY_NAME reads it back). */
function temporaryPathOf(target: string): string {
  // node:crypto is required here, not imported: importing it loads ~20 internal modules at the
  // start of every command (~18 M instructions), most of which never write a file.
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}
const TEMPORARY_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/**
 * The target a file name is writeFileAtomic's temporary file for, or undefined: what a run that
 * was killed with SIGKILL (no handler runs) left beside its output, for the next run to remove.
 */
export function targetOfTemporary(fileName: string): string | undefined {
  return TEMPORARY_NAME.exec(fileName)?.[1];
}

/**
 * Writes a file so that readers see either the old content or the whole new content, never a part:
 * the data goes to a temporary file in the same directory (same filesystem, so rename is atomic), is
 * flushed, and is renamed over the target. On any failure the temporary file is removed.
 *
 * An existing target that is a symbolic link is followed (the link stays, its file is replaced), a
 * replaced file keeps its permission bits, and a target that is not a regular file (/dev/null,
 * /dev/stdout, a FIFO) is written in place: renaming over it would replace a device node with a file.
 */
export async function writeFileAtomic(path: string, content: Content, options: WriteAtomicOptions = {}) {
  const name = options.name ?? path;
  try {
    const existing = await stat(path).catch(ignoreMissing);
    if (existing?.isDirectory())
      throw new BitextError('OUTPUT_NOT_WRITABLE', 'is a directory; give a file name', { file: name });
    if (existing && !existing.isFile()) return await writeInPlace(path, content);
    const target = existing ? await realpath(path) : path;
    const dir = dirname(target);
    await mkdir(dir, { recursive: true });
    await writeViaTemp(target, temporaryPathOf(target), content, existing?.mode);
  } catch (error) {
    throw describeWriteError(error, name);
  }
}

async function writeViaTemp(target: string, temp: string, content: Content, mode: number | undefined) {
  liveTempFiles.add(temp);
  const handle = await open(temp, 'wx').catch((error) => {
    liveTempFiles.delete(temp);
    throw error;
  });
  try {
    await writeContent(handle, content);
    if (mode !== undefined) await chmod(temp, mode & 0o7777);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  } finally {
    liveTempFiles.delete(temp);
  }
}

async function writeInPlace(path: string, content: Content) {
  const handle = await open(path, 'w');
  try {
    await writeContent(handle, content);
  } finally {
    await handle.close();
  }
}

/**
 * Characters or bytes gathered from a stream before one write. Exports yield a small chunk per unit,
 * and an awaited write per chunk cost about 30 µs: 300,000 TMX units took 16 s to write one by one.
 */
const WRITE_BATCH = 64 * 1024;

async function writeContent(handle: import('node:fs/promises').FileHandle, content: Content) {
  // A handle's writeFile writes all of its data from the current position (write may write a part).
  if (typeof content === 'string' || content instanceof Uint8Array) {
    await handle.writeFile(content);
    return;
  }
  let batch: Array<string | Uint8Array> = [];
  let size = 0;
  const flush = async () => {
    const data = batch.every((chunk) => typeof chunk === 'string')
      ? batch.join('')
      : Buffer.concat(batch.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
    batch = [];
    size = 0;
    await handle.writeFile(data);
  };
  for await (const chunk of content) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= WRITE_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/** Node's "EACCES: permission denied, open '/abs/.x.1f2e.tmp'" names a file the user never saw. */
function describeWriteError(error: unknown, name: string): unknown {
  if (error instanceof BitextError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const where = { file: name };
  const message =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'cannot create the file: a part of its path is not a directory'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'no space left on the device; nothing was written'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : code === 'EISDIR'
              ? 'is a directory; give a file name'
              : undefined;
  if (message === undefined) return error;
  return new BitextError('OUTPUT_NOT_WRITABLE', message, where, { cause: error });
}
