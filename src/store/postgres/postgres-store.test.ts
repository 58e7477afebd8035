import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/postgres-server.js';
import { normalizeSegment } from '../../core/fuzzy/normalize.js';
import { countedKeys, StoredUnitTerms } from '../index-terms/term-counts.js';
import { openStore } from '../open-store.js';
import { runTermbaseContract } from '../termbase.contract.js';
import { runTmStoreContract } from '../tm-store.contract.js';
import type { TmMatch } from '../tm-store.js';
import type { PostgresTmStore } from './postgres-tm-store.js';

// The same contract suites as SQLite's, against the test run's real PostgreSQL server (started by
// test/support/global-setup.ts), each store in a database of its own.
const freshStore = async () => openStore(await createTestDatabase(inject('postgresUrl')));

runTmStoreContract('PostgreSQL', async () => (await freshStore()).tm);
runTermbaseContract('PostgreSQL', async () => (await freshStore()).termbase);

describe('PostgreSQL lookups at once', () => {
  it('rank candidates as they do one at a time, though each awaits the server while ranking', async () => {
    const store = await freshStore();
    // 729 units, each a different choice of six words from six sets of three: every word is on 243
    // units, so no key is rare and each lookup must break ties among hundreds of candidates.
    const zhWords = [
      '重庆四川贵州',
      '外事商务文化',
      '工作交流合作',
      '会议活动论坛',
      '报告通知公告',
      '上午下午晚上',
    ];
    const enWords = [
      ['Chongqing', 'Sichuan', 'Guizhou'],
      ['foreign', 'trade', 'culture'],
      ['work', 'exchange', 'cooperation'],
      ['meeting', 'event', 'forum'],
      ['report', 'notice', 'bulletin'],
      ['morning', 'afternoon', 'evening'],
    ];
    const many = Array.from({ length: 729 }, (_, i) => {
      const choice = zhWords.map((_, set) => Math.floor(i / 3 ** set) % 3);
      return {
        zh: choice.map((c, set) => zhWords[set]!.slice(c * 2, c * 2 + 2)).join(''),
        en: choice.map((c, set) => enWords[set]![c]).join(' '),
      };
    });
    await store.tm.addDocument({ name: 'many.tsv', contentHash: 'many', kind: 'tsv' }, many);
    const { reads } = store.tm as PostgresTmStore;
    // A posting budget of one list, so that every lookup refines its candidates: the await on the
    // refining keys' blocks falls between filling the candidate weights and reading them.
    reads.plan.postingBudget = 1;
    const queries = many.slice(0, 16).flatMap((p) => [
      { normal: normalizeSegment(p.zh, 'zh'), lang: 'zh' as const },
      { normal: normalizeSegment(p.en, 'en'), lang: 'en' as const },
    ]);
    const candidates = async (q: (typeof queries)[number]) =>
      (await reads.candidates(q.normal, q.lang)).map((u) => u.id).sort((a, b) => a - b);
    const oneByOne = [];
    for (const query of queries) oneByOne.push(await candidates(query));
    expect(await Promise.all(queries.map(candidates))).toEqual(oneByOne);
    expect(new Set(oneByOne.map((ids) => ids.join())).size).toBeGreaterThan(1);
    // And the matches, which are scored exactly from the candidates.
    const ranked = (matches: TmMatch[]) => matches.map((m) => [m.unit.id, m.score]);
    const texts = many.slice(0, 16).map((p) => p.zh);
    const sequential = [];
    for (const text of texts) sequential.push(ranked(await store.tm.lookup(text)));
    expect(await Promise.all(texts.map(async (text) => ranked(await store.tm.lookup(text))))).toEqual(
      sequential,
    );
    await store.close();
  });
});

describe('PostgreSQL document frequencies', () => {
  it('equal a recount of the stored units after imports with duplicates and a delete', async () => {
    const store = await freshStore();
    const pair = (i: number) => ({
      zh: `重庆第${i}次外事会议`,
      en: `Chongqing foreign affairs meeting ${i}`,
    });
    const first = [pair(1), pair(2), pair(2), pair(3)];
    // The second file repeats two stored units (one in another width and case) and adds two.
    const second = [pair(3), { ...pair(1), en: pair(1).en.toUpperCase() }, pair(4), pair(5)];
    const add = (hash: string, units: typeof first) =>
      store.tm.addDocument({ name: `${hash}.tsv`, contentHash: hash, kind: 'tsv' }, units);
    expect(await add('a', first)).toMatchObject({ added: 3, duplicates: 1 });
    expect(await add('b', second)).toMatchObject({ added: 2, duplicates: 2 });
    const { pool } = store.tm as PostgresTmStore;
    const check = async () => {
      const expected = new Map<string, number>();
      const terms = new StoredUnitTerms();
      for (const { zh, en } of (await pool.query('SELECT zh, en FROM bitext.tm_units')).rows)
        for (const key of countedKeys(terms.of(zh, en))) expected.set(key, (expected.get(key) ?? 0) + 1);
      const stored = await pool.query<{ key: string; units: number }>(
        'SELECT key, units FROM bitext.tm_term_units WHERE units <> 0',
      );
      expect(new Map(stored.rows.map((r) => [r.key, r.units]))).toEqual(expected);
    };
    await check();
    const [a] = await store.tm.findDocuments('a.tsv');
    await store.tm.deleteDocument(a!.id);
    await check();
    await store.close();
  });
});
