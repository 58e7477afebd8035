import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/formats/documents/index.js';
import { escapeXml } from '../src/formats/xml-escape.js';
import { EXAMPLE_PATH, readExample, runCli, tempDir } from './helpers.js';
import { buildDocx } from './support/docx.js';
import {
  SAMPLE_EN as en,
  expectRefusal,
  type Pair,
  type QaFinding,
  qaFindings,
  samplePairs,
  tsvPairs,
  SAMPLE_ZH as zh,
} from './support/sample.js';

// The founding sample as translators keep it: an Excel sheet or a CSV of zh|en rows, a TMX of its
// aligned pairs, an XLIFF of its two sides. Each must give the .txt's 5 pairs (or, for `qa` on a
// TM, its findings).

const { dir, cleanup } = tempDir();
afterAll(cleanup);

let expected: Pair[];
let txtFindings: QaFinding[];

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function xlsx(rows: string[][], sheets: string[] = ['Pairs']): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const name of sheets) {
    const sheet = workbook.addWorksheet(name);
    if (name === sheets[sheets.length - 1]) for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A CSV as a spreadsheet writes it: fields with the separator, a quote or a line break quoted. */
function csv(rows: string[][], separator = ','): string {
  const needsQuotes = new RegExp(`["${separator}\r\n]`);
  const field = (c: string) => (needsQuotes.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(field).join(separator) + '\r\n').join('');
}

function tmx(pairs: readonly Pair[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="zh-CN" datatype="plaintext"/><body>
${pairs.map(([zh, en]) => `<tu><tuv xml:lang="zh-CN"><seg>${escapeXml(zh)}</seg></tuv><tuv xml:lang="en-US"><seg>${escapeXml(en)}</seg></tuv></tu>`).join('\n')}
</body></tmx>
`;
}

function xliff(units: readonly Pair[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="press.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
${units.map(([zh, en], i) => `<trans-unit id="${i + 1}"><source>${escapeXml(zh)}</source><target>${escapeXml(en)}</target></trans-unit>`).join('\n')}
</body></file></xliff>
`;
}

beforeAll(async () => {
  expected = await samplePairs();
  txtFindings = await qaFindings(EXAMPLE_PATH);
});

async function align(file: string) {
  const { code, stdout, stderr } = await runCli(['align', file]);
  return { code, stderr, pairs: code === 0 ? tsvPairs(stdout) : [] };
}

describe('bitext align on spreadsheets and CSV', () => {
  it('gives the sample 5 pairs from an .xlsx of zh|en rows with a header', async () => {
    const rows = [['中文', 'English'], ...zh.map((z, i) => [z, en[i]!])];
    const { code, stderr, pairs } = await align(write('sample.xlsx', await xlsx(rows)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pairs).toEqual(expected);
  });

  it('finds the columns by script in an .xlsx without a header, en first, after an empty sheet', async () => {
    const rows = zh.map((z, i) => ['', en[i]!, z]);
    const file = write('no-header.xlsx', await xlsx(rows, ['Notes', 'Translations']));
    const { code, stderr, pairs } = await align(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pairs).toEqual(expected);
  });

  it('reads an .xlsx by its content, whatever its name, and keeps Word files apart', async () => {
    const rows = zh.map((z, i) => [z, en[i]!]);
    expect((await align(write('renamed.docx', await xlsx(rows)))).pairs).toEqual(expected);
    const docx = await buildDocx([{ table: rows }]);
    expect((await align(write('renamed.xlsx', docx))).pairs).toEqual(expected);
  });

  it('gives the sample 5 pairs from a CSV, zh|en or en|zh, with a header row', async () => {
    const zhEn = [['zh', 'en'], ...zh.map((z, i) => [z, en[i]!])];
    const enZh = [['English', '中文'], ...zh.map((z, i) => [en[i]!, z])];
    for (const [name, rows] of [
      ['zh-en.csv', zhEn],
      ['en-zh.csv', enZh],
    ] as const) {
      const { code, stderr, pairs } = await align(write(name, csv(rows)));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(pairs).toEqual(expected);
    }
  });

  it('takes source/target headers, the script saying which is Chinese, and quoted fields with commas', async () => {
    const rows = [['id', 'target', 'source'], ...zh.map((z, i) => [String(i + 1), en[i]!, z])];
    const text = csv(rows);
    expect(text).toContain('"'); // the English has commas: those fields are quoted
    const { code, pairs } = await align(write('roles.csv', text));
    expect(code).toBe(0);
    expect(pairs).toEqual(expected);
  });

  it('gives the sample 5 pairs from a CSV separated by semicolons, as Excel writes it in many locales', async () => {
    const rows = [['English', '中文'], ...zh.map((z, i) => [en[i]!, z])];
    const text = csv(rows, ';');
    // The sample's commas are then unquoted text: only the semicolons separate.
    expect(text.split('\r\n')[1]).toMatch(/^On April 14, Wang/);
    for (const [name, body] of [
      ['semicolons.csv', text],
      ['hinted.csv', `sep=;\r\n${text}`],
    ] as const) {
      const { code, stderr, pairs } = await align(write(name, body));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(pairs).toEqual(expected);
    }
    // A quote left open is still named by the file's own line, after a sep= line too.
    const broken = `sep=;\r\nzh;en\r\n${zh[0]};"${en[0]}\r\n`;
    const result = await runCli(['align', write('broken.csv', broken)]);
    expectRefusal(result, /broken\.csv:3:\d+: a quoted field is never closed/);
  });

  it('gives the sample 5 pairs from a .tsv of zh<TAB>en lines (as bitext writes them), quotes being text', async () => {
    const { stdout } = await runCli(['align', EXAMPLE_PATH]);
    expect((await align(write('pairs.tsv', stdout))).pairs).toEqual(expected);
    const quoted = zh.map((z, i) => `"${en[i]}"\t${z}`).join('\n');
    const { code, pairs } = await align(write('quoted.tsv', quoted));
    expect(code).toBe(0);
    expect(pairs.map(([z]) => z)).toEqual(expected.map(([z]) => z));
    // A .tsv with no tabs is the text it is.
    expect((await align(write('lines.tsv', `${readExample()}`))).pairs).toEqual(expected);
  });

  it('reads every sheet with zh and en columns, in order, passing over a notes sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['Chapter one is on the next sheet.']);
    const first = workbook.addWorksheet('Part 1');
    first.addRow(['中文', 'English']);
    for (let i = 0; i < 3; i++) first.addRow([zh[i], en[i]]);
    const second = workbook.addWorksheet('Part 2');
    second.addRow(['English', '中文']);
    for (let i = 3; i < 5; i++) second.addRow([en[i], zh[i]]);
    const file = write('parts.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { code, stderr, pairs } = await align(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pairs).toEqual(expected);
    const jsonl = (await runCli(['align', file, '--format', 'jsonl'])).stdout.trim().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).zhSources[0].sheet)).toEqual([
      'Part 1',
      'Part 1',
      'Part 1',
      'Part 2',
      'Part 2',
    ]);
  });

  it('reads the text of a merged range once, from its first cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pairs');
    sheet.addRow(['中文', 'English', '']);
    zh.forEach((z, i) => {
      sheet.addRow([z, en[i]]);
    });
    sheet.addRow(['附註', 'Note']);
    sheet.mergeCells('B7:C7'); // an English cell merged across the next column
    sheet.mergeCells('A7:A8'); // a Chinese cell merged down over an empty row
    const { paragraphs } = await readDocument(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      'merged.xlsx',
    );
    expect(paragraphs.map((p) => p.text).slice(-2)).toEqual(['附註', 'Note']);
    expect(paragraphs).toHaveLength(12);
  });

  it('qa and terms read an .xlsx as aligned text too', async () => {
    const rows = [['zh', 'en'], ...zh.map((z, i) => [z, en[i]!])];
    expect(await qaFindings(write('qa.xlsx', await xlsx(rows)))).toEqual(txtFindings);
    const fromText = await runCli(['terms', EXAMPLE_PATH]);
    const fromSheet = await runCli(['terms', join(dir, 'qa.xlsx')]);
    expect(fromSheet.code).toBe(0);
    expect(fromSheet.stdout).toBe(fromText.stdout);
  });
});

describe('bad tables: exit 1, one line naming the file', () => {
  async function refused(name: string, bytes: Uint8Array | string): Promise<string> {
    const file = write(name, bytes);
    const result = await runCli(['align', file]);
    expectRefusal(result, file);
    return result.stderr;
  }

  it('no zh and en columns', async () => {
    expect(await refused('english.csv', 'a,b\nHello there,General Kenobi\n')).toMatch(/no zh and en columns/);
    expect(await refused('english.xlsx', await xlsx([['Hello', 'World']]))).toMatch(
      /no zh and en columns.*sheet "Pairs"/,
    );
  });

  it('an empty sheet, an empty CSV', async () => {
    expect(await refused('empty.xlsx', await xlsx([]))).toMatch(/empty sheet.*"Pairs"/);
    expect(await refused('empty.csv', '\r\n,\r\n')).toMatch(/empty table/);
  });

  it('a malformed quote, with its line and column', async () => {
    const stderr = await refused('bad-quote.csv', `zh,en\n${zh[0]},"${en[0]}" oops\n`);
    expect(stderr).toMatch(/bad-quote\.csv:2:\d+: text after the closing quote/);
    expect(await refused('open-quote.csv', `zh,en\n${zh[0]},"${en[0]}\n`)).toMatch(
      /open-quote\.csv:2:\d+: a quoted field is never closed/,
    );
  });

  it('a table or TM given as one of two files: it holds both languages', async () => {
    const table = write(
      'both.csv',
      csv([
        ['zh', 'en'],
        [zh[0]!, en[0]!],
      ]),
    );
    const { code, stderr } = await runCli(['align', table, EXAMPLE_PATH]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/both\.csv: a zh\|en table holds both languages/);
    const memory = write('both.tmx', tmx([[zh[0]!, en[0]!]]));
    expect((await runCli(['align', EXAMPLE_PATH, memory])).stderr).toMatch(
      /both\.tmx: a TMX holds both languages/,
    );
  });

  it('a damaged .xlsx', async () => {
    const bytes = await xlsx([[zh[0]!, en[0]!]]);
    // Cut short, it still starts like a ZIP package: its name makes it Excel, and exceljs names the damage.
    expect(await refused('cut.xlsx', bytes.subarray(0, 200))).toMatch(
      /cut\.xlsx: not a readable Excel \.xlsx \(/,
    );
  });
});

describe('TMX and XLIFF as documents', () => {
  it('qa on a TMX of the sample 5 pairs gives the .txt findings: the Secretary General slip alone', async () => {
    const findings = await qaFindings(write('memory.tmx', tmx(expected)));
    expect(findings).toEqual(txtFindings);
    const names = findings.filter((f) => f.check === 'name');
    expect(names).toHaveLength(1);
    expect(names[0]!.message).toContain('秘书长');
  });

  it('qa on an XLIFF checks its units as they are; a .xml TMX is found by content', async () => {
    expect(await qaFindings(write('units.xlf', xliff(expected)))).toEqual(txtFindings);
    expect(await qaFindings(write('memory-export.xml', tmx(expected)))).toEqual(txtFindings);
  });

  it('align re-aligns an XLIFF of the sample, one unit a paragraph, to its 5 pairs', async () => {
    const { code, stderr, pairs } = await align(write('sample.xliff', xliff(zh.map((z, i) => [z, en[i]!]))));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pairs).toEqual(expected);
    expect(pairs.flat().join('\n')).not.toMatch(/<|trans-unit/);
  });

  it('align re-aligns a TMX whose units were cut badly: sentences shifted by one are paired afresh', async () => {
    // Each unit holds a sentence and the previous one's translation: both sides are in order, the
    // pairing is off by one (the first unit has no English, the last no Chinese).
    const shifted: Pair[] = [
      ...expected.map(([z], i): Pair => [z, expected[i - 1]?.[1] ?? '']),
      ['', expected[4]![1]],
    ];
    const { code, pairs } = await align(write('shifted.tmx', tmx(shifted)));
    expect(code).toBe(0);
    expect(pairs).toEqual(expected);
  });

  it('refuses a TMX with no text: exit 1, one line', async () => {
    const file = write('empty.tmx', tmx([]));
    expectRefusal(await runCli(['qa', file]), `${file}: a TMX file with no text in its units`);
  });
});
