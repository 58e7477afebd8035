import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../../test/helpers.js';
import { buildNewDatabase } from './new-database-file.js';

const tempDir = tempDirsPerTest('bitext-new-db-');

describe('buildNewDatabase', () => {
  it('puts the file built in place once the build succeeds, and leaves nothing beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'tm.db');
    const built = await buildNewDatabase(path, async (temporary) => {
      writeFileSync(temporary, 'built');
      writeFileSync(`${temporary}-wal`, 'left by a crash');
      return 7;
    });
    expect(built).toEqual({ value: 7, placed: true });
    expect(readFileSync(path, 'utf8')).toBe('built');
    expect(readdirSync(dir)).toEqual(['tm.db']);
  });

  it('leaves the file another process created meanwhile as it is, and says so', async () => {
    const dir = tempDir();
    const path = join(dir, 'tm.db');
    const built = await buildNewDatabase(path, async (temporary) => {
      writeFileSync(temporary, 'ours');
      writeFileSync(path, 'theirs');
      return 'done';
    });
    expect(built).toEqual({ value: 'done', placed: false });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['tm.db']);
  });

  it('on a failed build removes its file and the folders it made, not the ones that were there', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'kept'));
    const path = join(dir, 'kept/made/too/tm.db');
    const failure = buildNewDatabase(path, async (temporary) => {
      writeFileSync(temporary, 'half');
      throw new Error('broken input');
    });
    await expect(failure).rejects.toThrow('broken input');
    expect(readdirSync(dir)).toEqual(['kept']);
    expect(readdirSync(join(dir, 'kept'))).toEqual([]);
  });
});
