import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { isBitextError } from '../core/errors.js';
import { XLIFF2_METADATA_NAMESPACE, XLIFF2_NAMESPACE } from '../formats/xliff2-write.js';
import { type ExportFormat, type ExportUnitFilter, exportUnits } from './export.js';
import { importFile } from './import-file.js';
import { openSqliteTmStore, type SqliteTmStore } from './sqlite/sqlite-tm-store.js';
import type { TmUnit } from './tm-store.js';

let dir: string;
let store: SqliteTmStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-export-'));
  store = openSqliteTmStore(join(dir, 'tm.db'));
});
afterEach(async () => {
  await store.close();
});

async function exported(format: ExportFormat, filter: ExportUnitFilter = {}): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of exportUnits(store, format, filter)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

async function refusal(format: ExportFormat, filter: ExportUnitFilter = {}) {
  try {
    await exported(format, filter);
  } catch (error) {
    if (isBitextError(error)) return error;
    throw error;
  }
  throw new Error('expected the export to be refused');
}

async function unitsOf(s: SqliteTmStore): Promise<TmUnit[]> {
  const units: TmUnit[] = [];
  for await (const unit of s.units()) units.push(unit);
  return units;
}

const comparable = (units: TmUnit[]) =>
  units.map((u) => ({ zh: u.zh, en: u.en, zhLang: u.zhLang, enLang: u.enLang, zhScript: u.zhScript }));

/** Traditional pairs, one with a control character (kept in 2.0 as <cp/>) and markup characters. */
const traditional = [
  ['重慶市外事工作情況良好。', 'Foreign affairs work in Chongqing went well.'],
  ['姜江副會長表示歡迎。', 'Vice President Jiang Jiang expressed his "welcome" & thanks.'],
  ['協同推進<雙城>經濟圈建設。', 'Jointly advance the twin-city\u0007 economic circle.'],
];

async function addTraditional(zhLang = 'zh-TW', enLang = 'en-US', name = 'doc.txt') {
  const units = traditional.map(([zh, en], position) => ({
    zh: zh!,
    en: en!,
    zhLang,
    enLang,
    position,
    confidence: 0.9,
  }));
  return store.addDocument({ name, contentHash: name, kind: 'aligned' }, units);
}

/**
 * The part of the XLIFF 2.0 core schema (and of the Metadata module) that bitext writes, in RELAX NG
 * for xmllint-wasm, from the specification (XLIFF Version 2.0, OASIS Standard, 2014: §4.2 elements,
 * §4.7 attributes; Metadata module §5.9): `xliff` with version 2.0, srcLang and trgLang; one or more
 * `file` with an id; one or more `unit` with an NMTOKEN id, optional `mda:metadata` first, then
 * `segment` (state one of the four) with `source` and an optional `target`, whose text may hold `cp`.
 */
const XLIFF2_CORE_SUBSET = `<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes" ns="${XLIFF2_NAMESPACE}">
  <start><element name="xliff">
    <attribute name="version"><value>2.0</value></attribute>
    <attribute name="srcLang"><data type="language"/></attribute>
    <optional><attribute name="trgLang"><data type="language"/></attribute></optional>
    <oneOrMore><element name="file">
      <attribute name="id"><data type="NMTOKEN"/></attribute>
      <optional><attribute name="original"/></optional>
      <oneOrMore><ref name="unit"/></oneOrMore>
    </element></oneOrMore>
  </element></start>
  <define name="unit"><element name="unit">
    <attribute name="id"><data type="NMTOKEN"/></attribute>
    <optional><element name="metadata" ns="${XLIFF2_METADATA_NAMESPACE}">
      <oneOrMore><element name="metaGroup" ns="${XLIFF2_METADATA_NAMESPACE}">
        <optional><attribute name="category"/></optional>
        <oneOrMore><element name="meta" ns="${XLIFF2_METADATA_NAMESPACE}">
          <attribute name="type"/><text/>
        </element></oneOrMore>
      </element></oneOrMore>
    </element></optional>
    <oneOrMore><element name="segment">
      <optional><attribute name="state">
        <choice><value>initial</value><value>translated</value><value>reviewed</value><value>final</value></choice>
      </attribute></optional>
      <element name="source"><ref name="text"/></element>
      <optional><element name="target"><ref name="text"/></element></optional>
    </element></oneOrMore>
  </element></define>
  <define name="text"><mixed><zeroOrMore><element name="cp">
    <attribute name="hex"><data type="hexBinary"/></attribute><empty/>
  </element></zeroOrMore></mixed></define>
</grammar>`;

async function validateXliff2(xml: string) {
  return validateXML({
    xml: { fileName: 'export.xlf', contents: xml },
    schema: { fileName: 'xliff2-subset.rng', contents: XLIFF2_CORE_SUBSET },
    extension: 'relaxng',
  });
}

describe('XLIFF 2.0 export', () => {
  it('writes valid XLIFF 2.0: the pair as srcLang/trgLang, a segment per unit, metadata kept aside', async () => {
    await addTraditional();
    const xml = (await exported('xliff2')).toString('utf8');
    expect(xml).toContain(`<xliff xmlns="${XLIFF2_NAMESPACE}"`);
    expect(xml).toMatch(/ version="2\.0" srcLang="zh-TW" trgLang="en-US">/);
    expect(xml.match(/<unit id="u\d+">/g)).toHaveLength(3);
    expect(xml).toContain('<source>協同推進&lt;雙城&gt;經濟圈建設。</source>');
    expect(xml).toContain('<target>Jointly advance the twin-city<cp hex="0007"/> economic circle.</target>');
    expect(xml).toContain('<mda:meta type="document">doc.txt</mda:meta>');
    expect(xml).toContain('<mda:meta type="confidence">0.9</mda:meta>');
    const result = await validateXliff2(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The grammar does reject what 2.0 does not allow.
    expect((await validateXliff2(xml.replace('version="2.0"', 'version="1.2"'))).valid).toBe(false);
    expect((await validateXliff2(xml.replace(/state="translated"/, 'state="done"'))).valid).toBe(false);
  });

  it('re-imported, adds nothing to the same TM and gives the same units to a fresh one', async () => {
    await addTraditional();
    const path = join(dir, 'export.xlf');
    writeFileSync(path, await exported('xliff2'));
    expect(await importFile(store, path)).toMatchObject({ read: 3, added: 0, duplicates: 3 });
    expect((await store.stats()).units).toBe(3);
    const fresh = openSqliteTmStore(join(dir, 'fresh.db'));
    try {
      expect(await importFile(fresh, path)).toMatchObject({ read: 3, added: 3 });
      expect(comparable(await unitsOf(fresh))).toEqual(comparable(await unitsOf(store)));
    } finally {
      await fresh.close();
    }
  });

  it('refuses units of several language pairs, naming them with their counts, unless one is chosen', async () => {
    await addTraditional('zh-TW', 'en-US', 'tw.txt');
    await store.addDocument({ name: 'cn.txt', contentHash: 'cn', kind: 'aligned' }, [
      { zh: '重庆市外事工作情况良好。', en: 'Chongqing did well.', zhLang: 'zh-CN', enLang: 'en-GB' },
    ]);
    const error = await refusal('xliff2');
    expect(error.code).toBe('XLIFF2_LANGUAGES');
    expect(error.message).toBe(
      'XLIFF 2.0 holds one language pair per document, and the units to export have 2: zh-TW/en-US (3), zh-CN/en-GB (1); choose one with --zh-lang and --en-lang, or use --format xliff (XLIFF 1.2, a <file> per pair)',
    );
    const chosen = (await exported('xliff2', { zhLang: 'zh-CN' })).toString('utf8');
    expect(chosen).toMatch(/srcLang="zh-CN" trgLang="en-GB"/);
    expect(chosen.match(/<unit /g)).toHaveLength(1);
    // Tags match case-insensitively and take more specific ones (zh under zh-TW's zh).
    expect((await exported('xliff2', { zhLang: 'ZH_tw' })).toString('utf8').match(/<unit /g)).toHaveLength(3);
    expect((await exported('xliff2', { document: 'tw.txt' })).toString('utf8')).toMatch(/srcLang="zh-TW"/);
    expect((await refusal('xliff2', { zhLang: 'zh-HK' })).code).toBe('EXPORT_EMPTY');
  });

  it('labels a one-pair TM with its own tags, however --zh-lang spells them (1.2 keeps the units)', async () => {
    await addTraditional();
    const xliff2 = (await exported('xliff2', { zhLang: 'ZH_tw', enLang: 'en' })).toString('utf8');
    expect(xliff2).toMatch(/srcLang="zh-TW" trgLang="en-US"/);
    const xliff = (await exported('xliff', { zhLang: 'zh' })).toString('utf8');
    expect(xliff).toMatch(/source-language="zh-TW" target-language="en-US"/);
    expect(xliff.match(/<trans-unit /g)).toHaveLength(3);
    // A tag no unit has: nothing passes, and the empty 1.2 file is labelled with the tag asked for.
    expect((await exported('xliff', { zhLang: 'zh-HK' })).toString('utf8')).toMatch(
      /source-language="zh-HK"[^>]*>\n {4}<body>\n {4}<\/body>/,
    );
  });

  it('refuses an empty selection: a 2.0 file needs a unit', async () => {
    const error = await refusal('xliff2');
    expect(error.message).toBe('no units to export, and an XLIFF 2.0 file needs at least one');
  });
});

describe('XLSX export of the TM', () => {
  it('writes a sheet with texts, tags, document, position, confidence and dates', async () => {
    await addTraditional();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('translation memory');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      'zh',
      'en',
      'zh lang',
      'en lang',
      'document',
      'position',
      'confidence',
      'created (UTC)',
      'changed (UTC)',
    ]);
    const units = await unitsOf(store);
    expect(rows.slice(1)).toEqual(
      units.map((u) => [
        u.zh,
        u.en.replace('\u0007', '\ufffd'),
        'zh-TW',
        'en-US',
        'doc.txt',
        u.position,
        0.9,
        new Date(u.createdAt),
        new Date(u.changedAt),
      ]),
    );
    expect(sheet.getCell('H2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    // The language filter applies to every format.
    const none = new ExcelJS.Workbook();
    await none.xlsx.load((await exported('xlsx', { enLang: 'en-GB' })) as unknown as ExcelJS.Buffer);
    expect(none.worksheets[0]!.rowCount).toBe(1);
  });
});
