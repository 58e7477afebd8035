import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../test/helpers.js';
import { openStore } from '../store/open-store.js';
import { memoryIo } from './io.js';
import { withStore } from './store-option.js';

const tempDir = tempDirsPerTest('bitext-with-store-');

describe('withStore on a TM another process creates while a command runs', () => {
  it('does the command again on that TM: both processes’ units are kept', async () => {
    const dir = tempDir();
    const path = join(dir, 'tm.db');
    const { io } = memoryIo({ cwd: dir });
    let runs = 0;
    const added = await withStore(io, 'tm.db', 'write', async ({ tm }) => {
      runs++;
      if (runs === 1) {
        // The other process: it creates the TM at its path and stores a unit there first.
        const other = await openStore(path);
        await other.tm.addDocument({ name: 'theirs', contentHash: 'theirs', kind: 'tsv' }, [
          { zh: '友协', en: 'friendship association', zhLang: 'zh-CN', enLang: 'en' },
        ]);
        await other.close();
      }
      return tm.addDocument({ name: 'ours', contentHash: 'ours', kind: 'tsv' }, [
        { zh: '外事', en: 'foreign affairs', zhLang: 'zh-CN', enLang: 'en' },
      ]);
    });
    expect(runs).toBe(2);
    expect(added.added).toBe(1);
    const store = await openStore(path, { mode: 'read' });
    expect((await store.tm.documents()).map((d) => d.name).sort()).toEqual(['ours', 'theirs']);
    await store.close();
    expect(readdirSync(dir)).toEqual(['tm.db']);
  });
});
