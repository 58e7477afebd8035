import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateTmx } from '../../test/tmx-dtd.js';
import { alignDocument } from '../core/document.js';
import { isBitextError } from '../core/errors.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../formats/tmx-write.js';
import { exportUnits } from './export.js';
import { importFile } from './import-file.js';
import { openSqliteTmStore, type SqliteTmStore } from './sqlite/sqlite-tm-store.js';
import type { TmUnit } from './tm-store.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const samplePath = resolve(repoRoot, '../shared/samples/000_12b8442f5b1b4126.txt');

let dir: string;
let store: SqliteTmStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-tm-import-'));
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

async function exportText(s: SqliteTmStore, format: 'tmx' | 'tsv' | 'xliff' | 'jsonl', filter = {}) {
  let text = '';
  for await (const chunk of exportUnits(s, format, filter)) text += chunk;
  return text;
}

function syntheticTmx(count: number): string {
  let xml = tmxHeader({ srcLang: 'zh-CN' });
  for (let i = 0; i < count; i++) {
    xml += tmxUnit({
      segments: [
        { lang: i % 2 ? 'zh-TW' : 'zh-CN', text: `第${i}号文件已经送达外事办公室` },
        { lang: 'en-US', text: `Document number ${i} has reached the foreign affairs office` },
      ],
    });
  }
  return xml + tmxFooter();
}

/** The unit fields a round trip must keep (ids are the new database's own). */
const comparable = (units: TmUnit[]) => units.map(({ id: _id, ...rest }) => rest);

describe('importFile and exportUnits', () => {
  it('round-trips TMX: import → export → import gives the same units (with the exported tuids and dates as their TMX metadata) and the same export, DTD-valid', async () => {
    const first = join(dir, 'first.tmx');
    writeFileSync(
      first,
      tmxHeader({ srcLang: 'zh-CN' }) +
        tmxUnit({
          creationDate: new Date('2024-05-06T07:08:09Z'),
          props: [{ type: 'x-confidence', value: '0.75' }],
          segments: [
            { lang: 'zh-Hans', text: '市对外友协 & “民相亲”' },
            { lang: 'en-GB', text: 'The <Friendship> Association' },
          ],
        }) +
        tmxUnit({
          segments: [
            { lang: 'zh-HK', text: '重慶市外事工作' },
            { lang: 'en', text: 'Foreign affairs of Chongqing' },
          ],
        }) +
        tmxFooter(),
    );
    const imported = await importFile(store, first, { now: new Date('2025-01-01T00:00:00Z') });
    expect(imported).toMatchObject({ format: 'tmx', read: 2, added: 2 });
    const exported = join(dir, 'exported.tmx');
    const exportedText = await exportText(store, 'tmx');
    writeFileSync(exported, exportedText);
    expect(await validateTmx(exportedText)).toEqual({ valid: true, errors: [] });

    const second = openSqliteTmStore(join(dir, 'second.db'));
    await importFile(second, exported);
    const [a, b] = [comparable(await collect(store)), comparable(await collect(second))];
    // The export's tuids and dates are the re-imported units' metadata (TMX ids and dates are kept
    // as given): apart from that the units are the same, and so is their export.
    const secondExport = await exportText(second, 'tmx');
    await second.close();
    expect(b.map(({ meta: _meta, ...rest }) => rest)).toEqual(a.map(({ meta: _meta, ...rest }) => rest));
    expect(b.map((u) => u.meta?.tuid)).toEqual(['1', '2']);
    expect(a[0]!.meta).toEqual({ creationDate: '20240506T070809Z' });
    const body = (xml: string) => xml.slice(xml.indexOf('<body>'));
    expect(body(secondExport)).toBe(body(exportedText));
    expect(a[0]).toMatchObject({
      zhLang: 'zh-CN',
      enLang: 'en-GB',
      confidence: 0.75,
      document: join(dir, 'first.tmx'),
    });
    expect(a[0]!.createdAt).toBe('2024-05-06T07:08:09.000Z');
    expect(a[1]).toMatchObject({ zhLang: 'zh-HK', zhScript: 'traditional' });
  });

  it('imports the same file twice without change, and counts duplicates inside a file', async () => {
    const path = join(dir, 'pairs.tsv');
    writeFileSync(path, '你好\tHello\n你好\tHello\n世界\tWorld\n');
    expect(await importFile(store, path)).toMatchObject({ read: 3, added: 2, duplicates: 1 });
    const before = await store.stats();
    expect(await importFile(store, path)).toMatchObject({ alreadyPresent: true, added: 0 });
    expect(await store.stats()).toEqual(before);
  });

  it('stores the same units and term counts whether a worker thread prepares them or not', async () => {
    const path = join(dir, 'dups.tmx');
    // Duplicates inside the file (every unit twice, one in full-width digits) and across files.
    writeFileSync(
      path,
      syntheticTmx(3000).replace(/(<tu>[\s\S]*?<\/tu>)/g, (tu) => tu + tu.replace(/1/g, '１')),
    );
    const seed = join(dir, 'seed.tsv');
    writeFileSync(
      seed,
      '第8号文件已经送达外事办公室\tDocument number 8 has reached the foreign affairs office\n',
    );
    const termUnits = (s: SqliteTmStore) =>
      s.db.prepare('SELECT lang, term, units FROM tm_term_units WHERE units > 0 ORDER BY lang, term').all();
    const results = [];
    // In-thread, in the worker, and with the duplicates' counts subtracted batch by batch.
    for (const [worker, held] of [
      [false, 200_000],
      [true, 200_000],
      [true, 1],
    ] as const) {
      const s = openSqliteTmStore(join(dir, `tm-${worker}-${held}.db`));
      s.duplicateTermsInMemory = held;
      const inThread = vi.spyOn(s, 'addDocument');
      await importFile(s, seed, { now: new Date('2026-01-01T00:00:00Z') });
      results.push({
        result: await importFile(s, path, { worker, now: new Date('2026-01-01T00:00:00Z') }),
        units: comparable(await collect(s)),
        termUnits: termUnits(s),
      });
      // The small seed goes in in-thread; the file only when asked (or the comparison proves nothing).
      expect(inThread).toHaveBeenCalledTimes(worker ? 1 : 2);
      await s.close();
    }
    expect(results[0]!.result).toMatchObject({ read: 6000, added: 2999, duplicates: 3001 });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // The counts equal those of importing the stored units afresh (duplicates subtracted exactly).
    const fresh = openSqliteTmStore(join(dir, 'fresh.db'));
    await fresh.addDocument(
      { name: 'f', contentHash: 'f', kind: 'tsv' },
      results[0]!.units.map(({ zh, en, zhLang, enLang }) => ({ zh, en, zhLang, enLang })),
    );
    expect(termUnits(fresh)).toEqual(results[0]!.termUnits);
    await fresh.close();
  });

  it('imports XLIFF by extension and TSV by --from', async () => {
    writeFileSync(
      join(dir, 'a.xlf'),
      '<xliff version="1.2"><file source-language="zh-CN" target-language="en-US"><body><trans-unit id="1"><source>外事</source><target>Foreign affairs</target></trans-unit></body></file></xliff>',
    );
    writeFileSync(join(dir, 'b.data'), '友协\tFriendship association\n');
    expect((await importFile(store, join(dir, 'a.xlf'))).added).toBe(1);
    expect((await importFile(store, join(dir, 'b.data'), { format: 'tsv' })).added).toBe(1);
    try {
      await importFile(store, join(dir, 'b.data'));
      expect.unreachable();
    } catch (error) {
      expect(isBitextError(error) && error.code).toBe('IMPORT_FORMAT');
    }
  });

  it.each([false, true])(
    'stores nothing from a file that turns out malformed after many units (worker: %s)',
    async (worker) => {
      const path = join(dir, 'broken.tmx');
      writeFileSync(
        path,
        syntheticTmx(5000).replace('</body>', '<tu><tuv xml:lang="zh"><seg>断</tuv></body>'),
      );
      await expect(importFile(store, path, { worker })).rejects.toMatchObject({
        code: 'XML_MALFORMED',
        location: { file: path },
      });
      expect((await store.stats()).units).toBe(0);
      expect((await store.stats()).documents).toBe(0);
    },
  );

  it('leaves the TM as it was when the importing process is killed midway', async () => {
    const keep = join(dir, 'keep.tsv');
    writeFileSync(keep, '你好\tHello\n');
    await importFile(store, keep);
    await store.close();
    const big = join(dir, 'big.tmx');
    writeFileSync(big, syntheticTmx(40_000));
    const child = join(dir, 'child.mts');
    writeFileSync(
      child,
      `import { importFile } from ${JSON.stringify(join(here, 'import-file.ts'))};
import { openSqliteTmStore } from ${JSON.stringify(join(here, 'sqlite/sqlite-tm-store.ts'))};
const store = openSqliteTmStore(process.argv[2]);
await importFile(store, process.argv[3], { onProgress: (n) => console.log('progress ' + n) });
console.log('done');`,
    );
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, join(dir, 'tm.db'), big], {
      cwd: repoRoot,
    });
    const outcome = await new Promise<string>((done) => {
      let output = '';
      process_.stdout.on('data', (data: Buffer) => {
        output += data.toString();
        if (output.includes('progress') && !process_.killed) process_.kill('SIGKILL');
      });
      process_.on('exit', () => done(output));
    });
    expect(outcome).toContain('progress');
    expect(outcome).not.toContain('done');
    store = openSqliteTmStore(join(dir, 'tm.db'));
    expect((await store.stats()).units).toBe(1);
    expect((await store.stats()).documents).toBe(1);
  });

  it('exports TSV, XLIFF and JSON lines, filtered by document, date and confidence', async () => {
    writeFileSync(join(dir, 'old.tsv'), '旧的\tOld one\t0.2\n');
    writeFileSync(join(dir, 'new.tsv'), '新的\tNew one\t0.9\n');
    await importFile(store, join(dir, 'old.tsv'), { now: new Date('2024-01-01T00:00:00Z') });
    await importFile(store, join(dir, 'new.tsv'), { now: new Date('2026-01-01T00:00:00Z') });
    expect(await exportText(store, 'tsv')).toBe('旧的\tOld one\n新的\tNew one\n');
    expect(await exportText(store, 'tsv', { document: 'new.tsv' })).toBe('新的\tNew one\n');
    expect(await exportText(store, 'tsv', { since: new Date('2025-01-01T00:00:00Z') })).toBe(
      '新的\tNew one\n',
    );
    expect(await exportText(store, 'tsv', { minConfidence: 0.5 })).toBe('新的\tNew one\n');
    const jsonl = (await exportText(store, 'jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(jsonl.map((u) => [u.zh, u.confidence, u.document])).toEqual([
      // Documents go by the path they were imported as.
      ['旧的', 0.2, join(dir, 'old.tsv')],
      ['新的', 0.9, join(dir, 'new.tsv')],
    ]);
    expect(await exportText(store, 'xliff')).toContain('<source>新的</source>');
  });

  it('finds a founding-sample sentence with a few words removed at 70–99', async () => {
    let text: string;
    try {
      text = readFileSync(samplePath, 'utf8');
    } catch {
      console.warn(`skipped: ${samplePath} is absent`);
      return;
    }
    const document = alignDocument({ combined: text });
    await store.addDocument(
      { name: 'sample.txt', contentHash: 'sample', kind: 'aligned' },
      document.pairs.map((p, position) => ({ zh: p.zh, en: p.en, position, confidence: p.confidence })),
    );
    const target = document.pairs.find((p) => p.zh.includes('姜江副會長表示'))!;
    // Drop 受新冠肺炎疫情影響, and 能用好友城 → 用好友城.
    const query = target.zh.replace('受新冠肺炎疫情影響,', '').replace('能用好', '用好');
    const [best] = await store.lookup(query);
    expect(best?.unit.en).toBe(target.en);
    expect(best?.score).toBeGreaterThanOrEqual(70);
    expect(best?.score).toBeLessThan(100);
    // The same sentence in Simplified matches its Traditional unit at 100.
    const simplified = await store.lookup(
      '姜江副会长表示,受新冠肺炎疫情影响,开展对外交流的形式发生变化,希望重庆市能用好友城、友好人士等外事资源,探索讲好中国故事重庆篇章的新方式,培育友好人脉,促进“民相亲,心相通”。',
    );
    expect(simplified[0]?.unit.en).toBe(target.en);
    expect(simplified[0]?.score).toBe(100);
  });
});
