import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/postgres-server.js';
import { normalizeSegment } from '../../core/fuzzy/normalize.js';
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
