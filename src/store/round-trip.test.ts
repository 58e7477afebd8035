import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignDocument } from '../core/document.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../formats/tmx-write.js';
import { type ExportFormat, exportUnits } from './export.js';
import { importFile } from './import-file.js';
import { openSqliteTmStore, type SqliteTmStore } from './sqlite/sqlite-tm-store.js';
import type { TmUnit } from './tm-store.js';

let dir: string;
let store: SqliteTmStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-round-trip-'));
  store = openSqliteTmStore(join(dir, 'tm.db'));
});
afterEach(async () => {
  await store.close();
});

async function collect(s: SqliteTmStore): Promise<TmUnit[]> {
  const units: TmUnit[] = [];
  for await (const unit of s.units()) units.push(unit);
  return units;
}

const tagsOf = (units: TmUnit[]) => units.map((u) => [u.zh, u.zhLang, u.enLang, u.zhScript]);

/** Exports the TM to a file named by the format's usual extension and returns its path. */
async function exportTo(s: SqliteTmStore, format: ExportFormat, name = 'export'): Promise<string> {
  let text = '';
  for await (const chunk of exportUnits(s, format)) text += chunk;
  const path = join(dir, `${name}.${format === 'xliff' ? 'xlf' : format}`);
  writeFileSync(path, text);
  return path;
}

/** Ten Traditional pairs, as `tm add` of a Taiwanese or Hong Kong document stores them. */
const traditional = [
  ['重慶市外事工作情況良好。', 'Foreign affairs work in Chongqing went well.'],
  ['姜江副會長表示歡迎。', 'Vice President Jiang Jiang expressed his welcome.'],
  ['培育友好人脈,促進民相親。', 'Cultivate friendly contacts and bring peoples closer.'],
  ['王廣成匯報了工作計劃。', 'Wang Guangcheng reported on the work plan.'],
  ['歡迎全國對外友協用好外事資源。', 'The national association is welcome to use foreign affairs resources.'],
  ['開展對外交流的形式發生變化。', 'The forms of international exchange have changed.'],
  ['懇請繼續關心支持。', 'We ask for continued care and support.'],
  ['傾聽秘書長的指導意見。', "Listen to the secretary-general's guidance."],
  ['負責人參與上述活動。', 'The heads took part in the above activities.'],
  ['協同推進雙城經濟圈建設。', 'Jointly advance the twin-city economic circle.'],
];

describe('TM round trips', () => {
  it.each(['xliff', 'tmx', 'tsv'] as const)(
    're-importing its own %s export of Traditional units adds nothing, and each still matches once at 100',
    async (format) => {
      // As `tm add` stores an aligned document: no language tags, the script from the text.
      const units = traditional.map(([zh, en], position) => ({ zh: zh!, en: en!, position }));
      await store.addDocument({ name: 'doc.txt', contentHash: 'doc', kind: 'aligned' }, units);
      const again = await importFile(store, await exportTo(store, format));
      expect(again).toMatchObject({ read: 10, added: 0, duplicates: 10 });
      expect((await store.stats()).units).toBe(10);
      for (const [zh] of traditional) {
        expect((await store.lookup(zh!)).map((m) => m.score)).toEqual([100]);
      }
    },
  );

  const tagged = [
    ['重庆市外事工作情况良好。', 'zh-CN', 'Foreign affairs in Chongqing went well.', 'en-US'],
    ['臺北市外事工作情況良好。', 'zh-TW', 'Foreign affairs in Taipei went well.', 'en-US'],
    ['香港特區外事工作情況良好。', 'zh-HK', 'Foreign affairs in Hong Kong went well.', 'en-GB'],
    ['新加坡外事工作情况良好。', 'zh-SG', 'Foreign affairs in Singapore went well.', 'en-SG'],
    ['澳門特區外事工作情況良好。', 'zh-MO', 'Foreign affairs in Macao went well.', 'en-GB'],
  ] as const;
  const expectedTags = tagged.map(([zh, zhLang, , enLang]) => [
    zh,
    zhLang,
    enLang,
    zhLang === 'zh-CN' || zhLang === 'zh-SG' ? 'simplified' : 'traditional',
  ]);

  it("TMX → TM → TMX keeps every unit's tags; re-importing the export adds nothing", async () => {
    const source = join(dir, 'tagged.tmx');
    writeFileSync(
      source,
      tmxHeader({ srcLang: '*all*' }) +
        tagged
          .map(([zh, zhLang, en, enLang]) =>
            tmxUnit({
              segments: [
                { lang: zhLang, text: zh },
                { lang: enLang, text: en },
              ],
            }),
          )
          .join('') +
        tmxFooter(),
    );
    expect(await importFile(store, source)).toMatchObject({ added: 5 });
    expect(tagsOf(await collect(store))).toEqual(expectedTags);
    const exported = await exportTo(store, 'tmx');
    const tmx = readFileSync(exported, 'utf8');
    expect(tmx).toContain('srclang="*all*"');
    expect([...tmx.matchAll(/<tuv xml:lang="([^"]+)">/g)].map((m) => m[1])).toEqual(
      tagged.flatMap(([, zhLang, , enLang]) => [zhLang, enLang]),
    );
    expect(await importFile(store, exported)).toMatchObject({ read: 5, added: 0, duplicates: 5 });
    const fresh = openSqliteTmStore(join(dir, 'fresh.db'));
    await importFile(fresh, exported);
    expect(tagsOf(await collect(fresh))).toEqual(expectedTags);
    await fresh.close();
  });

  it("XLIFF → TM → XLIFF keeps every unit's tags: one <file> per language pair", async () => {
    const source = join(dir, 'tagged.xlf');
    const files = tagged.map(
      ([zh, zhLang, en, enLang], i) =>
        `<file original="f${i}" source-language="${zhLang}" target-language="${enLang}" datatype="plaintext"><body>` +
        `<trans-unit id="${i}"><source>${zh}</source><target>${en}</target></trans-unit></body></file>`,
    );
    writeFileSync(
      source,
      `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">${files.join('')}</xliff>`,
    );
    expect(await importFile(store, source)).toMatchObject({ added: 5 });
    expect(tagsOf(await collect(store))).toEqual(expectedTags);
    const exported = await exportTo(store, 'xliff');
    const xliff = readFileSync(exported, 'utf8');
    // zh-HK/en-GB and zh-MO/en-GB are two pairs, so five files, each with its own unit.
    expect(
      [...xliff.matchAll(/source-language="([^"]+)" target-language="([^"]+)"[\s\S]*?<source>([^<]+)/g)].map(
        (m) => [m[3], m[1], m[2]],
      ),
    ).toEqual(tagged.map(([zh, zhLang, , enLang]) => [zh, zhLang, enLang]));
    expect(await importFile(store, exported)).toMatchObject({ read: 5, added: 0, duplicates: 5 });
    const fresh = openSqliteTmStore(join(dir, 'fresh.db'));
    await importFile(fresh, exported);
    expect(tagsOf(await collect(fresh))).toEqual(expectedTags);
    await fresh.close();
  });

  it('groups the units of one language pair into one XLIFF <file>, and JSON lines carry the tags', async () => {
    await store.addDocument({ name: 'mixed.tmx', contentHash: 'm', kind: 'tmx' }, [
      { zh: '外事工作一', en: 'Foreign affairs one', zhLang: 'zh-TW' },
      { zh: '外事工作二', en: 'Foreign affairs two', zhLang: 'zh-CN' },
      { zh: '外事工作三', en: 'Foreign affairs three', zhLang: 'zh-TW' },
    ]);
    const xliff = readFileSync(await exportTo(store, 'xliff'), 'utf8');
    const files = xliff.split('<file ').slice(1);
    expect(
      files.map((f) => [
        /source-language="([^"]+)"/.exec(f)?.[1],
        [...f.matchAll(/<source>([^<]+)/g)].map((m) => m[1]),
      ]),
    ).toEqual([
      ['zh-TW', ['外事工作一', '外事工作三']],
      ['zh-CN', ['外事工作二']],
    ]);
    const jsonl = readFileSync(await exportTo(store, 'jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(jsonl.map((line) => JSON.parse(line)).map((u) => [u.zhLang, u.enLang])).toEqual([
      ['zh-TW', 'en-US'],
      ['zh-CN', 'en-US'],
      ['zh-TW', 'en-US'],
    ]);
  });

  it('stores an aligned Traditional document (tm add) as zh-TW throughout, and exports it so', async () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../../shared/samples/000_12b8442f5b1b4126.txt'),
      'utf8',
    );
    const { pairs } = alignDocument({ combined: text });
    // A sentence with no character that differs between the scripts is Traditional like its neighbours.
    const units = [{ zh: '2021年4月14日', en: 'April 14, 2021' }, ...pairs.map(({ zh, en }) => ({ zh, en }))];
    await store.addDocument({ name: 'sample.txt', contentHash: 'sample', kind: 'aligned' }, units);
    const stored = await collect(store);
    expect(stored).toHaveLength(pairs.length + 1);
    expect(new Set(stored.map((u) => `${u.zhLang} ${u.enLang} ${u.zhScript}`))).toEqual(
      new Set(['zh-TW en-US traditional']),
    );
    const xliff = readFileSync(await exportTo(store, 'xliff'), 'utf8');
    expect([...xliff.matchAll(/<file [^>]*source-language="([^"]+)"/g)].map((m) => m[1])).toEqual(['zh-TW']);
    expect(readFileSync(await exportTo(store, 'tmx'), 'utf8')).toContain('srclang="zh-TW"');
  });
});
