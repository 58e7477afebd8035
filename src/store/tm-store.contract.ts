import { describe, expect, it } from 'vitest';
import type { InlineCode, UnitMeta } from '../formats/inline-codes.js';
import type { TmStore, TmUnit, TmUnitInput } from './tm-store.js';

/**
 * The behaviour every TmStore backend must have. A backend's test file calls this with a factory
 * that returns a fresh, empty store (hono's `runTest({ newRouter })` habit).
 */
export function runTmStoreContract(name: string, makeStore: () => Promise<TmStore> | TmStore): void {
  const document = (hash: string, kind = 'tsv') => ({ name: `${hash}.tsv`, contentHash: hash, kind });
  const collect = async (iterable: AsyncIterable<TmUnit>) => {
    const out: TmUnit[] = [];
    for await (const unit of iterable) out.push(unit);
    return out;
  };
  const pairs: TmUnitInput[] = [
    {
      zh: '重庆市2020年外事工作情况良好。',
      en: 'Foreign affairs in Chongqing went well in 2020.',
      confidence: 0.9,
    },
    { zh: '姜江副会长表示欢迎。', en: 'Vice President Jiang Jiang expressed his welcome.', confidence: 0.4 },
    { zh: '培育友好人脉,促进民相亲。', en: 'Cultivate friendly contacts and bring peoples closer.' },
  ];

  describe(`TmStore contract: ${name}`, () => {
    it('keeps inline codes and TMX metadata per unit, and a duplicate keeps the first stored ones', async () => {
      const store = await makeStore();
      const zhCodes: InlineCode[] = [
        { tag: 'bpt', at: 3, attrs: { i: '1' }, content: '&lt;b&gt;' },
        { tag: 'ept', at: 5, attrs: { i: '1' }, content: '&lt;/b&gt;' },
      ];
      const enCodes: InlineCode[] = [{ tag: 'ph', at: 0, attrs: { x: '1' }, content: '{0}' }];
      const meta: UnitMeta = {
        tuid: 'omegat-7',
        creationId: 'translator',
        changeId: 'reviewer',
        creationDate: '20200101T000000Z',
        props: [
          { type: 'file', value: 'a.html' },
          { type: 'x-note-kind', value: 'zh only', side: 'zh' },
        ],
        notes: [{ text: 'checked\twith tabs and\nlines' }],
      };
      // Leading white space is trimmed from the stored text: the codes move with it.
      await store.addDocument(document('codes'), [
        {
          zh: ' 重庆市外事工作。',
          en: 'Foreign affairs.',
          zhCodes: zhCodes.map((c) => ({ ...c, at: c.at + 1 })),
          enCodes,
          meta,
        },
        { zh: '姜江副会长表示欢迎。', en: 'Welcome.' },
      ]);
      await store.addDocument(document('again'), [
        { zh: '重庆市外事工作。', en: 'Foreign affairs.', enCodes: [], meta: { tuid: 'other' } },
      ]);
      const units = await collect(store.units());
      expect(units).toHaveLength(2);
      expect(units[0]).toMatchObject({ zh: '重庆市外事工作。', zhCodes, enCodes, meta });
      expect(units[1]).not.toHaveProperty('zhCodes');
      expect(units[1]).not.toHaveProperty('meta');
      const [match] = await store.lookup('重庆市外事工作。');
      expect(match?.unit).toMatchObject({ zhCodes, enCodes, meta });
    });

    it('stores units with their document, position and confidence, and counts them', async () => {
      const store = await makeStore();
      const result = await store.addDocument(
        document('a'),
        pairs.map((p, i) => ({ ...p, position: i })),
      );
      expect(result).toMatchObject({ read: 3, added: 3, duplicates: 0, skipped: 0, alreadyPresent: false });
      const units = await collect(store.units());
      expect(units.map((u) => [u.zh, u.document, u.position, u.confidence])).toEqual([
        [pairs[0]!.zh, 'a.tsv', 0, 0.9],
        [pairs[1]!.zh, 'a.tsv', 1, 0.4],
        [pairs[2]!.zh, 'a.tsv', 2, null],
      ]);
      expect(units[0]).toMatchObject({ zhLang: 'zh-CN', enLang: 'en-US', zhScript: 'simplified' });
      expect((await store.stats()).units).toBe(3);
      await store.close();
    });

    it('dedupes by normalised key and skips a document it already has', async () => {
      const store = await makeStore();
      await store.addDocument(document('a'), pairs);
      const again = await store.addDocument(document('a'), pairs);
      expect(again).toMatchObject({ alreadyPresent: true, added: 0 });
      // Nothing is read from the input of a document already present.
      const unread: Iterable<TmUnitInput> = {
        [Symbol.iterator]() {
          throw new Error('read an input it should have skipped');
        },
      };
      expect(await store.addDocument(document('a'), unread)).toMatchObject({ alreadyPresent: true });
      // Same pairs in another file, differing only in width, spacing and case: duplicates.
      const variants = pairs.map((p) => ({
        zh: p.zh.replace(/2020/, '２０２０'),
        en: `  ${p.en.toUpperCase()} `,
      }));
      const other = await store.addDocument(document('b'), variants);
      expect(other).toMatchObject({ read: 3, added: 0, duplicates: 3 });
      expect((await store.stats()).units).toBe(3);
      await store.close();
    });

    it('stores a pair once whatever its script or tags: the first stored is kept, and matches at 100', async () => {
      const store = await makeStore();
      await store.addDocument(document('a'), [pairs[1]!]);
      const twins = await store.addDocument(document('t', 'tmx'), [
        { zh: '姜江副會長表示歡迎。', en: pairs[1]!.en, zhLang: 'zh-TW', enLang: 'en-GB' },
        // Traditional text under a Simplified tag (what an XLIFF export labelled zh-CN gave back).
        { zh: '姜江副會長表示歡迎。', en: pairs[1]!.en, zhLang: 'zh-CN' },
      ]);
      expect(twins).toMatchObject({ read: 2, added: 0, duplicates: 2 });
      const stats = await store.stats();
      expect(stats.units).toBe(1);
      expect(stats.scripts).toEqual({ simplified: 1, traditional: 0 });
      const [unit] = await collect(store.units());
      expect(unit).toMatchObject({ zh: pairs[1]!.zh, zhLang: 'zh-CN', enLang: 'en-US' });
      const matches = await store.lookup('姜江副會長表示歡迎。');
      expect(matches.map((m) => m.score)).toEqual([100]);
      await store.close();
    });

    it("keeps each unit's language tags as given, in canonical casing", async () => {
      const store = await makeStore();
      await store.addDocument(document('a', 'tmx'), [
        { zh: '重慶市外事工作', en: 'Foreign affairs of Chongqing', zhLang: 'zh_hk', enLang: 'en-gb' },
        { zh: '新加坡外事工作', en: 'Foreign affairs of Singapore', zhLang: 'zh-Hans-SG', enLang: 'en-SG' },
        { zh: '臺北外事工作', en: 'Foreign affairs of Taipei', zhLang: 'zh-TW', enLang: 'en-US' },
      ]);
      const units = await collect(store.units());
      expect(units.map((u) => [u.zhLang, u.enLang, u.zhScript])).toEqual([
        ['zh-HK', 'en-GB', 'traditional'],
        ['zh-SG', 'en-SG', 'simplified'],
        ['zh-TW', 'en-US', 'traditional'],
      ]);
      expect((await store.stats()).languages.zh).toEqual({ 'zh-HK': 1, 'zh-SG': 1, 'zh-TW': 1 });
      await store.close();
    });

    it('adds nothing from a document whose reading fails midway', async () => {
      const store = await makeStore();
      await store.addDocument(document('a'), [pairs[0]!]);
      async function* failing() {
        yield pairs[1]!;
        yield pairs[2]!;
        throw new Error('malformed at line 3');
      }
      await expect(store.addDocument(document('b'), failing())).rejects.toThrow('malformed');
      expect((await store.stats()).units).toBe(1);
      expect((await store.stats()).documents).toBe(1);
      // The failed document can be added once fixed.
      expect((await store.addDocument(document('b'), [pairs[1]!])).added).toBe(1);
      await store.close();
    });

    it('finds fuzzy matches best first, with differing numbers shown', async () => {
      const store = await makeStore();
      await store.addDocument(document('a'), pairs);
      const [best] = await store.lookup('重庆市2021年外事工作情况良好。');
      expect(best?.unit.en).toBe(pairs[0]!.en);
      expect(best?.score).toBeGreaterThanOrEqual(95);
      expect(best?.score).toBeLessThan(100);
      expect(best?.numbers).toEqual([{ query: '2021', match: '2020' }]);
      const english = await store.lookup('Vice President Jiang expressed his welcome.', { lang: 'en' });
      expect(english[0]?.unit.zh).toBe(pairs[1]!.zh);
      expect(await store.lookup('完全无关的句子内容', { min: 70 })).toEqual([]);
      await store.close();
    });

    it('searches either side as a concordance, with the hit span', async () => {
      const store = await makeStore();
      await store.addDocument(document('a'), pairs);
      const zhHits = await store.search('副會長');
      expect(zhHits).toHaveLength(1);
      const hit = zhHits[0]!;
      expect(hit.lang).toBe('zh');
      expect(hit.unit.zh.slice(hit.start, hit.end)).toBe('副会长');
      const enHits = await store.search('friendly cont');
      expect(enHits.map((h) => h.unit.en.slice(h.start, h.end))).toEqual(['friendly cont']);
      expect(await store.search('市')).toHaveLength(1);
      await store.close();
    });

    it('lists documents, finds them by id, name or last path segment, and deletes one with its units', async () => {
      const store = await makeStore();
      await store.addDocument(
        { name: 'news/2021/a.txt', contentHash: 'h1', kind: 'aligned' },
        pairs.slice(0, 2),
      );
      await store.addDocument({ name: 'b.tmx', contentHash: 'h2', kind: 'tmx' }, pairs.slice(2));
      const documents = await store.documents();
      expect(documents.map((d) => [d.name, d.kind, d.units, d.contentHash])).toEqual([
        ['news/2021/a.txt', 'aligned', 2, 'h1'],
        ['b.tmx', 'tmx', 1, 'h2'],
      ]);
      const [a, b] = documents;
      expect((await store.findDocuments(String(b!.id))).map((d) => d.name)).toEqual(['b.tmx']);
      expect((await store.findDocuments('news/2021/a.txt')).map((d) => d.id)).toEqual([a!.id]);
      expect((await store.findDocuments('a.txt')).map((d) => d.id)).toEqual([a!.id]);
      expect(await store.findDocuments('2021/')).toEqual([]);
      expect(await store.deleteDocument(a!.id)).toBe(true);
      expect(await store.deleteDocument(a!.id)).toBe(false);
      expect((await collect(store.units())).map((u) => u.en)).toEqual([pairs[2]!.en]);
      expect((await store.stats()).documents).toBe(1);
      // The index forgot the deleted units: no lookup or concordance finds them.
      expect(await store.lookup(pairs[0]!.zh)).toEqual([]);
      expect(await store.search('副会长')).toEqual([]);
      // A deleted unit can be added again.
      expect((await store.addDocument(document('c'), [pairs[0]!])).added).toBe(1);
      expect((await store.lookup(pairs[0]!.zh))[0]).toMatchObject({ score: 100 });
      await store.close();
    });

    it('replaces the other versions of a document when asked, in the same transaction', async () => {
      const store = await makeStore();
      const name = 'release.txt';
      await store.addDocument({ name, contentHash: 'v1', kind: 'aligned' }, pairs.slice(0, 2));
      const kept = await store.addDocument({ name, contentHash: 'v2', kind: 'aligned' }, [pairs[2]!]);
      expect(kept).toMatchObject({ added: 1, replaced: 0 });
      expect((await store.documents()).map((d) => d.contentHash)).toEqual(['v1', 'v2']);
      const replaced = await store.addDocument({ name, contentHash: 'v3', kind: 'aligned' }, [pairs[0]!], {
        replace: true,
      });
      // v1's two units and v2's one went; v3's unit is v1's first again, stored anew.
      expect(replaced).toMatchObject({ added: 1, duplicates: 0, replaced: 3 });
      expect((await store.documents()).map((d) => [d.contentHash, d.units])).toEqual([['v3', 1]]);
      expect((await collect(store.units())).map((u) => u.en)).toEqual([pairs[0]!.en]);
      // Replacing with a version already stored next to others keeps only it, with all its units:
      // the units it shared with the deleted versions are stored again, not lost.
      await store.addDocument({ name, contentHash: 'v4', kind: 'aligned' }, pairs);
      const again = await store.addDocument({ name, contentHash: 'v4', kind: 'aligned' }, pairs, {
        replace: true,
      });
      expect(again).toMatchObject({ alreadyPresent: false, added: 3, replaced: 3 });
      expect((await store.documents()).map((d) => [d.contentHash, d.units])).toEqual([['v4', 3]]);
      expect(
        await store.addDocument({ name, contentHash: 'v4', kind: 'aligned' }, pairs, { replace: true }),
      ).toMatchObject({
        alreadyPresent: true,
      });
      await store.close();
    });

    it('queues concurrent imports on one store, and no reader sees an import before it commits', async () => {
      const store = await makeStore();
      // More units than one insert batch, so the import has written rows when it stops to wait.
      const many = Array.from({ length: 2500 }, (_, i) => ({
        zh: `第${i}号文件已经发布。`,
        en: `File No. ${i} was issued.`,
      }));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reachedGate!: () => void;
      const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
      async function* broken() {
        yield* many;
        reachedGate();
        await gate;
        throw new Error('the file broke off');
      }
      const failing = store.addDocument(document('broken'), broken());
      const failed = failing.catch((error: Error) => error.message);
      await atGate;
      // A second import and a reader on the same store while the first holds its transaction.
      const second = store.addDocument(document('second'), pairs);
      const during = store.stats();
      release();
      expect(await failed).toBe('the file broke off');
      expect(await second).toMatchObject({ added: 3 });
      expect((await during).units).toBeLessThanOrEqual(3);
      expect((await store.stats()).units).toBe(3);
      // Many imports at once lose nothing.
      const results = await Promise.all(
        [0, 1, 2, 3].map((k) => store.addDocument(document(`batch${k}`), many.slice(k * 100, k * 100 + 100))),
      );
      expect(results.map((r) => r.added)).toEqual([100, 100, 100, 100]);
      expect((await store.stats()).units).toBe(403);
      await store.close();
    });

    it('filters units by document, date and confidence', async () => {
      const store = await makeStore();
      await store.addDocument(document('a'), [pairs[0]!], { now: new Date('2024-01-01T00:00:00Z') });
      await store.addDocument(document('b'), [pairs[1]!, pairs[2]!], {
        now: new Date('2025-06-01T00:00:00Z'),
      });
      const en = async (filter: Parameters<TmStore['units']>[0]) =>
        (await collect(store.units(filter))).map((u) => u.en);
      expect(await en({ document: 'a.tsv' })).toEqual([pairs[0]!.en]);
      expect(await en({ since: new Date('2025-01-01T00:00:00Z') })).toEqual([pairs[1]!.en, pairs[2]!.en]);
      expect(await en({ until: new Date('2025-01-01T00:00:00Z') })).toEqual([pairs[0]!.en]);
      expect(await en({ minConfidence: 0.5 })).toEqual([pairs[0]!.en, pairs[2]!.en]);
      await store.close();
    });
  });
}
