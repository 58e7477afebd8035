import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ExportFormat, exportUnits } from './export.js';
import { importFile } from './import-file.js';
import { openSqliteTmStore, type SqliteTmStore } from './sqlite/sqlite-tm-store.js';

let dir: string;
let store: SqliteTmStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-round-trip-'));
  store = openSqliteTmStore(join(dir, 'tm.db'));
});
afterEach(async () => {
  await store.close();
});

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
});
