import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TermCounts } from '../index-terms/term-counts.js';
import { openSqliteTmStore } from './sqlite-tm-store.js';

const pairs = [
  { zh: '重庆市2020年外事工作情况良好。', en: 'Foreign affairs work in Chongqing in 2020 went well.' },
  { zh: '姜江副会长表示欢迎。', en: 'Vice President Jiang Jiang expressed his welcome.' },
  { zh: '培育友好人脉,促进民相亲。', en: 'Cultivate friendly contacts and bring peoples closer.' },
];

describe('schema migrations', () => {
  it('opens a version 2 TM (unicode61 term index) and rebuilds its index with the ascii tokenizer', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bitext-migrate-')), 'tm.db');
    // A version 2 database as the previous build left it: same units, tm_terms on unicode61.
    let store = openSqliteTmStore(path);
    await store.addDocument({ name: 'a.tsv', contentHash: 'a', kind: 'tsv' }, pairs);
    store.db.exec(`
      DROP TABLE tm_terms;
      CREATE VIRTUAL TABLE tm_terms USING fts5(terms, content='', columnsize=0, detail=none);
      PRAGMA user_version = 2;
    `);
    // Its index as version 2 wrote it (the same documents), for a unit only: the rebuild must
    // replace it wholly, or the other units would stay unfindable.
    store.db
      .prepare('INSERT INTO tm_terms (rowid, terms) VALUES (1, ?)')
      .run(
        new TermCounts().document(
          '重庆市2020年外事工作情况良好。',
          'foreign affairs work in chongqing in 2020 went well.',
        ),
      );
    await store.close();

    store = openSqliteTmStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    const sql = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tm_terms'").pluck().get();
    expect(sql).toContain("tokenize='ascii'");
    expect((await store.stats()).units).toBe(3);
    const [best] = await store.lookup('姜江副会长表示欢迎');
    expect(best?.unit.en).toBe(pairs[1]!.en);
    const [english] = await store.lookup('Cultivate friendly contacts and bring people closer.', {
      lang: 'en',
    });
    expect(english?.unit.zh).toBe(pairs[2]!.zh);
    expect((await store.search('friendly cont')).map((hit) => hit.unit.zh)).toEqual([pairs[2]!.zh]);
    expect((await store.lookup('重庆市2021年外事工作情况良好。'))[0]?.score).toBe(99);
    await store.close();
  });
});
