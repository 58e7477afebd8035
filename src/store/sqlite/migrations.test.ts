import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSegment } from '../../core/fuzzy/normalize.js';
import { TermCounts } from '../index-terms/term-counts.js';
import { hashKey } from '../index-terms/term-index.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openSqliteTmStore } from './sqlite-tm-store.js';

const pairs = [
  { zh: '重庆市2020年外事工作情况良好。', en: 'Foreign affairs work in Chongqing in 2020 went well.' },
  { zh: '姜江副会长表示欢迎。', en: 'Vice President Jiang Jiang expressed his welcome.' },
  { zh: '培育友好人脉,促进民相亲。', en: 'Cultivate friendly contacts and bring peoples closer.' },
];

// Versions before 5 had no columns for inline codes and metadata: a database built by this build is
// taken back to an older version by dropping them as well as by setting user_version.
const WITHOUT_CODES = `
  ALTER TABLE tm_units DROP COLUMN zh_codes;
  ALTER TABLE tm_units DROP COLUMN en_codes;
  ALTER TABLE tm_units DROP COLUMN meta;
`;

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('schema migrations', () => {
  it('opens a version 2 TM (unicode61 term index) and rebuilds its index with the ascii tokenizer', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bitext-migrate-')), 'tm.db');
    // A version 2 database as the previous build left it: same units, tm_terms on unicode61.
    let store = openSqliteTmStore(path);
    await store.addDocument({ name: 'a.tsv', contentHash: 'a', kind: 'tsv' }, pairs);
    store.db.exec(`
      DROP TABLE tm_terms;
      CREATE VIRTUAL TABLE tm_terms USING fts5(terms, content='', columnsize=0, detail=none);
      ${WITHOUT_CODES}
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
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
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

  it('re-keys a version 3 TM without the script: its pairs are duplicates on re-import, twins are kept', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bitext-migrate-')), 'tm.db');
    let store = openSqliteTmStore(path);
    await store.addDocument({ name: 'a.tsv', contentHash: 'a', kind: 'tsv' }, pairs);
    // Version 3 stored a Traditional twin beside its Simplified unit (its key held the script); this
    // build would not, so the twin is stored with another English side and then given the real one.
    await store.addDocument({ name: 't.tsv', contentHash: 't', kind: 'tsv' }, [
      { zh: '姜江副會長表示歡迎。', en: 'placeholder', zhLang: 'zh-TW' },
    ]);
    store.db.prepare("UPDATE tm_units SET en = ? WHERE en = 'placeholder'").run(pairs[1]!.en);
    // Hashes as version 3 computed them: script, folded zh, folded en.
    const rows = store.db.prepare('SELECT id, zh, en, zh_script FROM tm_units ORDER BY id').all() as Array<{
      id: number;
      zh: string;
      en: string;
      zh_script: string;
    }>;
    const setHash = store.db.prepare('UPDATE tm_units SET key_hash = ? WHERE id = ?');
    for (const row of rows) {
      const old = `${row.zh_script}\u0000${normalizeSegment(row.zh, 'zh')}\u0000${normalizeSegment(row.en, 'en')}`;
      setHash.run(hashKey(old), row.id);
    }
    store.db.exec(WITHOUT_CODES);
    store.db.pragma('user_version = 3');
    await store.close();

    store = openSqliteTmStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((await store.stats()).units).toBe(4);
    const again = await store.addDocument({ name: 'b.tsv', contentHash: 'b', kind: 'tsv' }, [
      ...pairs,
      { zh: '重慶市2020年外事工作情況良好。', en: pairs[0]!.en, zhLang: 'zh-HK' },
    ]);
    expect(again).toMatchObject({ read: 4, added: 0, duplicates: 4 });
    expect((await store.stats()).units).toBe(4);
    await store.close();
  });

  it('adds the columns for codes and metadata to a version 4 TM: its units read as before, new ones keep theirs', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bitext-migrate-')), 'tm.db');
    let store = openSqliteTmStore(path);
    await store.addDocument({ name: 'a.tsv', contentHash: 'a', kind: 'tsv' }, pairs);
    store.db.exec(WITHOUT_CODES);
    store.db.pragma('user_version = 4');
    await store.close();

    store = openSqliteTmStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('tm_units')").pluck().all();
    expect(columns).toEqual(expect.arrayContaining(['zh_codes', 'en_codes', 'meta']));
    const [old] = (await all(store.units())) as unknown as Array<Record<string, unknown>>;
    expect(old).toMatchObject({ zh: pairs[0]!.zh, en: pairs[0]!.en });
    expect(old).not.toHaveProperty('zhCodes');
    await store.addDocument({ name: 'b.tmx', contentHash: 'b', kind: 'tmx' }, [
      {
        zh: '欢迎。',
        en: 'Welcome.',
        enCodes: [{ tag: 'ph', at: 8, content: '&lt;br/&gt;' }],
        meta: { tuid: '9', notes: [{ text: 'n' }] },
      },
    ]);
    const units = await all(store.units());
    expect(units.at(-1)).toMatchObject({
      enCodes: [{ tag: 'ph', at: 8, content: '&lt;br/&gt;' }],
      meta: { tuid: '9', notes: [{ text: 'n' }] },
    });
    await store.close();
  });
});
