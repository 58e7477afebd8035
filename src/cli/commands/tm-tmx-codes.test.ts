import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateTmx } from '../../../test/tmx-dtd.js';
import { type ImportedUnit, readTmx } from '../../formats/tmx-read.js';
import { importFile } from '../../store/import-file.js';
import { openSqliteTmStore } from '../../store/sqlite/sqlite-tm-store.js';
import type { TmUnit } from '../../store/tm-store.js';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

// An OmegaT-style TMX (built here, of our own making) through `tm import` and `tm export`: the
// inline codes, props, notes, ids and dates come back, and the export is valid TMX 1.4.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-tm-codes-'));
});

async function cli(...argv: string[]) {
  const memory = memoryIo({ cwd: dir, env: { BITEXT_DB: join(dir, 'tm.db') } });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

const OMEGAT = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.0" segtype="sentence" srclang="zh-CN"/>
  <body>
    <tu tuid="omegat-1" creationid="wang" creationdate="20240301T080000Z" changeid="li" changedate="20240302T090000Z">
      <prop type="file">press/release.html</prop>
      <prop type="id">p1</prop>
      <note>Checked against the printed release.</note>
      <tuv xml:lang="zh-CN">
        <seg>重庆市<bpt i="1">&lt;b&gt;</bpt>外事工作<ept i="1">&lt;/b&gt;</ept>情况良好<ph x="2">&lt;br/&gt;</ph>。</seg>
      </tuv>
      <tuv xml:lang="en-US">
        <prop type="x-reviewed">yes</prop>
        <seg>Chongqing's <bpt i="1">&lt;b&gt;</bpt>foreign affairs<ept i="1">&lt;/b&gt;</ept> went well<ph x="2">&lt;br/&gt;</ph>.</seg>
      </tuv>
    </tu>
    <tu tuid="omegat-2" creationid="wang" creationdate="2024-03-01">
      <note>A date OmegaT did not write: kept as given.</note>
      <tuv xml:lang="zh-CN"><seg>按<ph x="1">{0}</ph>查看文件。</seg></tuv>
      <tuv xml:lang="en-US"><seg>Press <ph x="1">{0}</ph> to see the files.</seg></tuv>
    </tu>
    <tu tuid="omegat-3">
      <tuv xml:lang="zh-CN"><seg>姜江副会长表示欢迎。</seg></tuv>
      <tuv xml:lang="en-US"><seg>Vice President Jiang Jiang expressed his welcome.</seg></tuv>
    </tu>
  </body>
</tmx>
`;

async function readAll(xml: string): Promise<ImportedUnit[]> {
  const units: ImportedUnit[] = [];
  for await (const unit of readTmx([new TextEncoder().encode(xml)], 'export.tmx')) units.push(unit);
  return units;
}

/** Each code with the text it stands before, so a test reads where it is. */
const placed = (text: string, codes: ImportedUnit['zhCodes']) =>
  (codes ?? []).map((c) => [c.tag, c.content, text.slice(c.at)]);

describe('TMX inline codes and metadata through the TM', () => {
  it('round-trips an OmegaT TMX with its codes, props, notes, ids and dates, valid against the DTD', async () => {
    writeFileSync(join(dir, 'project_save.tmx'), OMEGAT);
    const imported = await cli('tm', 'import', 'project_save.tmx');
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/3 read, 3 added/);

    const exported = await cli('tm', 'export', '--format', 'tmx', '--out', 'out.tmx');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const xml = readFileSync(join(dir, 'out.tmx'), 'utf8');
    expect(await validateTmx(xml)).toEqual({ valid: true, errors: [] });
    // The segments in TMX markup, codes where they stood.
    expect(xml).toContain(
      '<seg>重庆市<bpt i="1">&lt;b&gt;</bpt>外事工作<ept i="1">&lt;/b&gt;</ept>情况良好<ph x="2">&lt;br/&gt;</ph>。</seg>',
    );
    expect(xml).toContain(
      `<seg>Chongqing's <bpt i="1">&lt;b&gt;</bpt>foreign affairs<ept i="1">&lt;/b&gt;</ept> went well<ph x="2">&lt;br/&gt;</ph>.</seg>`,
    );
    expect(xml).toContain('<seg>Press <ph x="1">{0}</ph> to see the files.</seg>');
    expect(xml).toContain(
      '<tu tuid="omegat-1" creationdate="20240301T080000Z" creationid="wang" changedate="20240302T090000Z" changeid="li">',
    );
    // A date as given, and no changedate where the file had none.
    expect(xml).toContain('<tu tuid="omegat-2" creationdate="2024-03-01" creationid="wang">');

    const [original, back] = [await readAll(OMEGAT), await readAll(xml)];
    expect(back).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      const [a, b] = [original[i]!, back[i]!];
      expect([b.zh, b.en]).toEqual([a.zh.trim(), a.en.trim()]);
      expect(placed(b.zh, b.zhCodes)).toEqual(placed(a.zh.trim(), a.zhCodes));
      expect(placed(b.en, b.enCodes)).toEqual(placed(a.en.trim(), a.enCodes));
      expect(b.zhCodes).toEqual(a.zhCodes);
      expect(b.enCodes).toEqual(a.enCodes);
      expect(b.meta).toEqual(a.meta);
    }
    expect(placed(back[0]!.zh, back[0]!.zhCodes)).toEqual([
      ['bpt', '&lt;b&gt;', '外事工作情况良好。'],
      ['ept', '&lt;/b&gt;', '情况良好。'],
      ['ph', '&lt;br/&gt;', '。'],
    ]);
    expect(back[0]!.meta).toEqual({
      tuid: 'omegat-1',
      creationId: 'wang',
      changeId: 'li',
      creationDate: '20240301T080000Z',
      changeDate: '20240302T090000Z',
      props: [
        { type: 'file', value: 'press/release.html' },
        { type: 'id', value: 'p1' },
        { type: 'x-reviewed', value: 'yes', side: 'en' },
      ],
      notes: [{ text: 'Checked against the printed release.' }],
    });

    // Re-importing the export adds nothing (same plain text, same keys).
    writeFileSync(join(dir, 'again.tmx'), xml);
    expect((await cli('tm', 'import', 'again.tmx')).stdout).toMatch(/3 read, 0 added, 3 duplicates/);
  });

  it('gives the match codes in `tm lookup --format json`', async () => {
    writeFileSync(join(dir, 'project_save.tmx'), OMEGAT);
    await cli('tm', 'import', 'project_save.tmx');
    const { code, stdout } = await cli('tm', 'lookup', '按回车查看文件。', '--format', 'json');
    expect(code).toBe(0);
    const [match] = JSON.parse(stdout);
    expect(match).toMatchObject({
      zh: '按查看文件。',
      en: 'Press to see the files.',
      zhCodes: [{ tag: 'ph', at: 1, attrs: { x: '1' }, content: '{0}' }],
      enCodes: [{ tag: 'ph', at: 6, attrs: { x: '1' }, content: '{0}' }],
    });
  });

  it('stores the same codes and metadata when the import worker prepares the units', async () => {
    const path = join(dir, 'project_save.tmx');
    writeFileSync(path, OMEGAT);
    const stored: TmUnit[][] = [];
    for (const worker of [false, true]) {
      const store = openSqliteTmStore(join(dir, `tm-${worker}.db`));
      await importFile(store, path, { worker, now: new Date('2026-01-01T00:00:00Z') });
      const units: TmUnit[] = [];
      for await (const unit of store.units()) units.push(unit);
      stored.push(units);
      await store.close();
    }
    expect(stored[1]).toEqual(stored[0]);
    expect(stored[0]![0]).toHaveProperty('zhCodes');
    expect(stored[0]![0]).toHaveProperty('meta.tuid', 'omegat-1');
  });

  it('writes the codes and notes of TMX units in XLIFF 1.2 and 2.0 markup, and reads them back the same', async () => {
    writeFileSync(join(dir, 'project_save.tmx'), OMEGAT);
    await cli('tm', 'import', 'project_save.tmx');
    const xliff = await cli('tm', 'export', '--format', 'xliff', '--out', 'out.xlf');
    expect(xliff).toMatchObject({ code: 0, stderr: '' });
    const xml = readFileSync(join(dir, 'out.xlf'), 'utf8');
    expect(xml).toContain(
      '<source>重庆市<bpt id="1">&lt;b&gt;</bpt>外事工作<ept id="1">&lt;/b&gt;</ept>情况良好<ph id="2">&lt;br/&gt;</ph>。</source>',
    );
    expect(xml).toContain(
      `<target state="translated">Chongqing's <bpt id="1">&lt;b&gt;</bpt>foreign affairs<ept id="1">&lt;/b&gt;</ept> went well<ph id="2">&lt;br/&gt;</ph>.</target>\n` +
        '        <note>Checked against the printed release.</note>\n',
    );
    const xliff2 = await cli('tm', 'export', '--format', 'xliff2', '--out', 'out.xlf2');
    expect(xliff2).toMatchObject({ code: 0, stderr: '' });
    const xml2 = readFileSync(join(dir, 'out.xlf2'), 'utf8');
    expect(xml2).toContain(
      '<source>重庆市<pc id="1" dataRefStart="d1" dataRefEnd="d2">外事工作</pc>情况良好<ph id="2" dataRef="d3"/>。</source>',
    );
    expect(xml2).toContain('<data id="d3">&lt;br/&gt;</data>');
    expect(xml2).toContain(
      '<notes>\n        <note>A date OmegaT did not write: kept as given.</note>\n      </notes>',
    );
    // Each reads back as the TMX did: the same text and codes where they stood.
    const fromTmx = (await readAll(OMEGAT)).map((u) => [u.zh.trim(), placed(u.zh.trim(), u.zhCodes)]);
    for (const file of ['out.xlf', 'out.xlf2']) {
      const fresh = join(dir, `${file}.db`);
      const memory = memoryIo({ cwd: dir, env: { BITEXT_DB: fresh } });
      expect(await run(['tm', 'import', file], memory.io)).toBe(0);
      const store = openSqliteTmStore(fresh);
      const back: unknown[] = [];
      for await (const unit of store.units()) back.push([unit.zh, placed(unit.zh, unit.zhCodes)]);
      await store.close();
      expect(back).toEqual(fromTmx);
    }
  });
});
