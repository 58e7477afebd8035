import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../test/helpers.js';
import { BitextError } from '../core/errors.js';
import { assertNotOverwritingInput } from './output-guard.js';

const newDir = tempDirsPerTest('bitext-guard-');

/** The refusal's one line, or undefined when the output is allowed. */
async function refusal(out: string, inputs: (string | undefined)[], cwd: string) {
  try {
    await assertNotOverwritingInput(out, inputs, cwd);
    return undefined;
  } catch (error) {
    if (!(error instanceof BitextError)) throw error;
    expect(error.code).toBe('OUTPUT_IS_INPUT');
    return error.describe();
  }
}

describe('assertNotOverwritingInput', () => {
  it('catches the same file however it is spelled or linked', async () => {
    const dir = newDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'doc.txt'), 'text');
    symlinkSync('doc.txt', join(dir, 'symlink.txt'));
    linkSync(join(dir, 'doc.txt'), join(dir, 'hardlink.txt'));
    symlinkSync('.', join(dir, 'here'));
    expect(await refusal('doc.txt', ['doc.txt'], dir)).toBe(
      '-o doc.txt is one of the inputs; refusing to overwrite it',
    );
    // Spellings that resolve alike need no explanation; other ways to the same file name the input.
    expect(await refusal('./doc.txt', ['doc.txt'], dir)).toBe(
      '-o ./doc.txt is one of the inputs; refusing to overwrite it',
    );
    expect(await refusal(join(dir, 'sub/../doc.txt'), ['doc.txt'], dir)).toMatch(/is one of the inputs/);
    expect(await refusal('symlink.txt', ['doc.txt'], dir)).toMatch(/\(doc\.txt\)/);
    expect(await refusal('doc.txt', ['here/symlink.txt'], dir)).toMatch(/\(here\/symlink\.txt\)/);
    expect(await refusal('hardlink.txt', ['doc.txt'], dir)).toBe(
      '-o hardlink.txt is one of the inputs (doc.txt, by a hard link); refusing to overwrite it',
    );
  });

  it('protects files that do not exist yet, such as a closed database’s -wal file', async () => {
    const dir = newDir();
    symlinkSync('.', join(dir, 'here'));
    expect(await refusal('./tm.db-wal', ['tm.db', 'tm.db-wal'], dir)).toMatch(/^-o \.\/tm\.db-wal is one/);
    expect(await refusal('here/tm.db-wal', ['tm.db-wal'], dir)).toMatch(/\(tm\.db-wal\)/);
    expect(await refusal('other.db-wal', ['tm.db', 'tm.db-wal'], dir)).toBeUndefined();
  });

  it('allows other files, stdout, and skips "-" and absent inputs', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'doc.txt'), 'text');
    writeFileSync(join(dir, 'other.txt'), 'text');
    expect(await refusal('other.txt', ['doc.txt', undefined, '-'], dir)).toBeUndefined();
    expect(await refusal('new.txt', ['doc.txt'], dir)).toBeUndefined();
    expect(await refusal('-', ['-'], dir)).toBeUndefined();
    await expect(assertNotOverwritingInput(undefined, ['doc.txt'], dir)).resolves.toBeUndefined();
  });
});
