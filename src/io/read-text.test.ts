import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../test/helpers.js';
import { BitextError } from '../core/errors.js';
import { readAtMost } from './read-limited.js';
import { readTextFile } from './read-text.js';

const newDir = tempDirsPerTest('bitext-read-');
const MiB = 1024 * 1024;

/** The BitextError a promise rejects with, for checking its code, message and file together. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; line: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BitextError)) throw new Error(`expected a BitextError, got ${String(error)}`);
  return { code: error.code, line: error.describe() };
}

describe('readTextFile: the size cap holds for inputs of unknown size', () => {
  it('stops reading /dev/zero (stat size 0, never ends) at the cap', async () => {
    expect(await refusal(readTextFile('/dev/zero', { maxBytes: MiB }))).toEqual({
      code: 'INPUT_TOO_LARGE',
      line: `/dev/zero: is over ${MiB} bytes, the most bitext reads per document (reading stopped there)`,
    });
  });

  it('refuses a regular file over the cap from its size, and reads one exactly at it', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(1025));
    writeFileSync(join(dir, 'full.txt'), 'x'.repeat(1024));
    expect(await refusal(readTextFile('big.txt', { cwd: dir, maxBytes: 1024 }))).toEqual({
      code: 'INPUT_TOO_LARGE',
      line: 'big.txt: is 1025 bytes; bitext reads at most 1024 bytes per document',
    });
    expect((await readTextFile('full.txt', { cwd: dir, maxBytes: 1024 })).text).toHaveLength(1024);
  });

  it('gives stdin readers the cap, and checks what they return against it', async () => {
    const limits: number[] = [];
    const readStdin = async (maxBytes: number) => {
      limits.push(maxBytes);
      return new Uint8Array(2048).fill(0x61);
    };
    expect(await refusal(readTextFile('-', { readStdin, maxBytes: 1024 }))).toEqual({
      code: 'INPUT_TOO_LARGE',
      line: '<stdin>: is 2048 bytes; bitext reads at most 1024 bytes per document',
    });
    expect(limits).toEqual([1024]);
  });

  it('readAtMost stops pulling from a stream that never ends', async () => {
    let produced = 0;
    let stopped = false;
    async function* endless() {
      try {
        for (;;) {
          produced++;
          yield new Uint8Array(64 * 1024);
        }
      } finally {
        stopped = true;
      }
    }
    expect(await refusal(readAtMost(Readable.from(endless()), MiB, '<stdin>'))).toMatchObject({
      code: 'INPUT_TOO_LARGE',
      line: expect.stringMatching(/^<stdin>: is over 1048576 bytes/),
    });
    expect(stopped).toBe(true);
    // 17 chunks cross the cap; the stream's read-ahead (16 objects) may add a few more, never more.
    expect(produced).toBeLessThan(40);
  });
});

describe('readTextFile: devices, FIFOs and paths that are not files', () => {
  it('reads /dev/null as an empty file', async () => {
    expect(await refusal(readTextFile('/dev/null'))).toEqual({
      code: 'EMPTY_INPUT',
      line: '/dev/null (byte 0): the file is empty',
    });
  });

  it('reads a FIFO to its end, and an empty one as an empty file', async () => {
    const dir = newDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO waits for the other end, so the reader starts first and the writer then opens.
    const reading = readTextFile(fifo);
    const writer = await open(fifo, 'w');
    await writer.write('中文。\nEnglish.\n');
    await writer.close();
    expect((await reading).text).toBe('中文。\nEnglish.\n');

    const emptyReading = readTextFile(fifo);
    await (await open(fifo, 'w')).close();
    expect((await refusal(emptyReading)).code).toBe('EMPTY_INPUT');
  });

  it('says which path is a directory, a dangling link, a link loop or under a file', async () => {
    const dir = newDir();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'file.txt'), 'text');
    symlinkSync('gone.txt', join(dir, 'dangling.txt'));
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const read = (path: string) => refusal(readTextFile(path, { cwd: dir }));
    expect(await read('folder')).toEqual({
      code: 'NOT_A_FILE',
      line: 'folder: is a directory, not a text file',
    });
    expect(await read('dangling.txt')).toEqual({
      code: 'FILE_NOT_FOUND',
      line: 'dangling.txt: is a symbolic link to gone.txt, which does not exist',
    });
    expect(await read('missing.txt')).toEqual({ code: 'FILE_NOT_FOUND', line: 'missing.txt: no such file' });
    expect(await read('loop-a')).toEqual({
      code: 'FILE_NOT_READABLE',
      line: 'loop-a: symbolic links loop; no file at the end',
    });
    expect(await read('file.txt/x')).toEqual({
      code: 'FILE_NOT_FOUND',
      line: 'file.txt/x: no such file (a part of the path is not a directory)',
    });
  });
});
