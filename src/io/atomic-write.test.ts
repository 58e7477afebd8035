import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../test/helpers.js';
import { BitextError } from '../core/errors.js';
import { removeTempFilesSync, tempFilesInProgress, writeFileAtomic } from './atomic-write.js';

const newDir = tempDirsPerTest('bitext-write-');

describe('writeFileAtomic', () => {
  it('keeps a temporary file in the registry exactly while it is being written', async () => {
    const dir = newDir();
    const seen: string[][] = [];
    async function* chunks() {
      yield 'a';
      seen.push(tempFilesInProgress());
      yield 'b';
    }
    await writeFileAtomic(join(dir, 'out.txt'), chunks());
    expect(seen[0]).toHaveLength(1);
    expect(seen[0]![0]).toMatch(/\/\.out\.txt\.[0-9a-f]{12}\.tmp$/);
    expect(tempFilesInProgress()).toEqual([]);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('ab');
  });

  it('writes a long stream of text and byte chunks (gathered into larger writes) exactly', async () => {
    const dir = newDir();
    const parts: Array<string | Uint8Array> = [];
    for (let i = 0; i < 20_000; i++) parts.push(i % 3 === 2 ? Buffer.from(`bytes ${i}\n`) : `重慶 ${i}\n`);
    async function* chunks() {
      yield* parts;
    }
    await writeFileAtomic(join(dir, 'out.txt'), chunks());
    const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(readFileSync(join(dir, 'out.txt')).equals(expected)).toBe(true);
  });

  it('removeTempFilesSync deletes a half-written file, as the signal handler does', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'out.txt'), 'old');
    let listing: string[] = [];
    async function* chunks() {
      yield 'half';
      removeTempFilesSync();
      listing = readdirSync(dir);
      // The process would exit here; failing stands in for that, so nothing is renamed.
      throw new Error('stopped');
    }
    await expect(writeFileAtomic(join(dir, 'out.txt'), chunks())).rejects.toThrow('stopped');
    expect(listing).toEqual(['out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('old');
  });

  it('writes /dev/null in place instead of renaming a file over the device', async () => {
    await writeFileAtomic('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(tempFilesInProgress()).toEqual([]);
  });

  it('follows a symbolic link: the link stays, the file it names is replaced, with its mode', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'real.txt'), 'old');
    chmodSync(join(dir, 'real.txt'), 0o600);
    symlinkSync('real.txt', join(dir, 'link.txt'));
    await writeFileAtomic(join(dir, 'link.txt'), 'new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'real.txt')).mode & 0o777).toBe(0o600);
  });

  it('refuses a directory as the target, and a path under a file, naming the path as given', async () => {
    const dir = newDir();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'file.txt'), 'keep');
    const failure = (path: string) =>
      writeFileAtomic(join(dir, path), 'x', { name: path }).then(
        () => undefined,
        (e: unknown) => (e instanceof BitextError ? [e.code, e.describe()] : e),
      );
    expect(await failure('folder')).toEqual([
      'OUTPUT_NOT_WRITABLE',
      'folder: is a directory; give a file name',
    ]);
    expect(await failure('file.txt/out.txt')).toEqual([
      'OUTPUT_NOT_WRITABLE',
      'file.txt/out.txt: cannot create the file: a part of its path is not a directory',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['file.txt', 'folder']);
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
  });
});
