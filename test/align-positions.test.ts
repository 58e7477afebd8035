import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { alignDocumentInput, sideTextOf } from '../src/app/document-input.js';
import { type AlignedDocument, alignDocument } from '../src/core/document.js';
import { cleanText } from '../src/core/normalize/index.js';
import type { SentenceSource } from '../src/core/types.js';
import { type DocumentParagraph, readDocument } from '../src/formats/documents/index.js';
import { EXAMPLE_PATH, runCli, tempDir } from './helpers.js';
import { buildDocx } from './support/docx.js';
import { pressReleasePdf } from './support/pdf.js';
import { SAMPLE_EN as en, SAMPLE_LINES as lines, SAMPLE_ZH as zh } from './support/sample.js';
import { validateTmx } from './tmx-dtd.js';

// Every aligned sentence says where it is in its file, in the format's own terms, and which of its
// paragraph's characters it is: sliced out of the text as read and cleaned, they give the sentence.

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const utf8 = (text: string) => new TextEncoder().encode(text);

async function align(name: string, bytes: Uint8Array) {
  const document = await alignDocumentInput({ name, bytes });
  const { paragraphs } = await readDocument(bytes, name);
  return { document, paragraphs };
}

/** Each sentence with its source, on both sides. */
function sentences(document: AlignedDocument) {
  return [...document.zh, ...document.en].map((s) => ({ text: s.text, source: s.source! }));
}

/** The reader's paragraph a sentence came from, found by the source's own terms. */
function paragraphOf(paragraphs: readonly DocumentParagraph[], source: SentenceSource, text: string) {
  const found = paragraphs.filter((p) =>
    (['block', 'unit', 'sheet', 'row', 'column'] as const).every(
      (key) => source[key] === undefined || p.source[key] === source[key],
    ),
  );
  // TMX: a unit's two sides share its number; the language tells them apart.
  const lang = /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
  const match = found.length > 1 ? found.filter((p) => p.lang === lang) : found;
  expect(match, JSON.stringify(source)).toHaveLength(1);
  return match[0]!;
}

/** The characters a source names, cleaned as the aligner cleans, are the sentence. */
function expectExactOffsets(document: AlignedDocument, paragraphs: readonly DocumentParagraph[]) {
  for (const { text, source } of sentences(document)) {
    const paragraph = paragraphOf(paragraphs, source, text);
    expect(cleanText(paragraph.text.slice(source.start, source.end)).text).toBe(text);
  }
}

describe('source positions of aligned sentences', () => {
  it('plain text: line and column, exact in the line as the file has it despite cleaning', async () => {
    const bytes = readFileSync(EXAMPLE_PATH);
    const document = await alignDocumentInput({ name: 'press-release.txt', bytes });
    expect(document.pairs).toHaveLength(5);
    const fileLines = bytes.toString('utf8').split('\n');
    for (const { text, source } of sentences(document)) {
      expect(Object.keys(source).sort()).toEqual(['end', 'line', 'start']);
      expect(cleanText(fileLines[source.line! - 1]!.slice(source.start, source.end)).text).toBe(text);
    }
    // Line 1 has glosses stripped inside it (協(xié) → 協): its sentence still ends where the line does.
    expect(fileLines[0]).toContain('協(xié)');
    expect(document.pairs[0]!.zhSources).toEqual([{ line: 1, start: 0, end: fileLines[0]!.length }]);
    expect(document.pairs.map((p) => p.enSources!.map((s) => s.line))).toEqual([[6], [7], [8], [9], [10]]);
  });

  it('plain text: offsets skip what cleaning took out (indent, CRLF, zero-width space, glosses, accents)', async () => {
    const zhLine = '\u3000\u3000協(xié)會成立。\u200b他說：好。';
    const enLine = '  The association (CPAFFC) was founded.  Cafe\u0301 owners said  yes.';
    const text = `${zhLine}\r\n\r\n${enLine}\r\n`;
    const document = await alignDocumentInput({ name: 'crlf.txt', bytes: utf8(text) });
    const slices = (side: 'zh' | 'en', raw: string) =>
      document[side].map((s) => [s.text, s.source!.line, raw.slice(s.source!.start, s.source!.end)]);
    expect(slices('zh', zhLine)).toEqual([
      ['協會成立。', 1, '協(xié)會成立。'],
      ['他說：好。', 1, '他說：好。'],
    ]);
    expect(slices('en', enLine)).toEqual([
      ['The association (CPAFFC) was founded.', 3, 'The association (CPAFFC) was founded.'],
      ['Café owners said yes.', 3, 'Cafe\u0301 owners said  yes.'],
    ]);
  });

  it('plain text: offsets with cleaning off', async () => {
    const document = await alignDocumentInput(
      { name: 'raw.txt', bytes: utf8(' 一。二。\n One. Two.\n') },
      { cleaning: false },
    );
    expect(document.zh.map((s) => s.source)).toEqual([
      { line: 1, start: 1, end: 3 },
      { line: 1, start: 3, end: 5 },
    ]);
    expect(document.en.map((s) => s.source)).toEqual([
      { line: 2, start: 1, end: 5 },
      { line: 2, start: 6, end: 10 },
    ]);
  });

  it('.docx: paragraph number, and table, row and column for a zh|en table', async () => {
    const bytes = await buildDocx([
      { paragraph: zh[0]! },
      { paragraph: en[0]! },
      {
        table: [['中文', 'English'], ...zh.slice(1).map((z, i) => [z, en[i + 1]!])],
      },
    ]);
    const { document, paragraphs } = await align('release.docx', bytes);
    expect(document.pairs).toHaveLength(5);
    expect(document.pairs[0]!.zhSources).toEqual([{ block: 1, start: 0, end: zh[0]!.length }]);
    expect(document.pairs[0]!.enSources![0]).toMatchObject({ block: 2, start: 0 });
    expect(document.pairs[1]!.zhSources![0]).toMatchObject({ block: 3, table: 1, row: 2, column: 1 });
    expect(document.pairs[4]!.enSources![0]).toMatchObject({ block: 10, table: 1, row: 5, column: 2 });
    expectExactOffsets(document, paragraphs);
  });

  it('PDF: the page and line each sentence starts on, across a page break', async () => {
    const layout = pressReleasePdf(lines);
    const { document, paragraphs } = await align('release.pdf', layout.pdf);
    expect(document.pairs).toHaveLength(5);
    expectExactOffsets(document, paragraphs);
    // The running header is line 1 of each page; the body's lines follow from 2 in the layout's order.
    const lineText = (page: number, line: number) =>
      layout.lines.filter((l) => l.page === page)[line - 2]?.text.replace(/\s/g, '') ?? '';
    let laterPage = 0;
    for (const { text, source } of sentences(document)) {
      expect(source.page).toBeGreaterThan(0);
      const head = text.replace(/\s/g, '').slice(0, 4);
      expect(lineText(source.page!, source.line!), text).toContain(head);
      if (source.page! > paragraphs[source.block! - 1]!.source.page!) laterPage++;
    }
    // A paragraph runs on from page 2 to page 3: its sentences there say page 3.
    expect(laterPage).toBeGreaterThan(0);
  });

  it('web page: the paragraph number among the blocks read', async () => {
    const html = `<html><head><title>t</title></head><body><nav>Home</nav><article>${[...zh, ...en]
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    const { document, paragraphs } = await align('page.html', utf8(html));
    expect(document.pairs).toHaveLength(5);
    expect(document.pairs.map((p) => p.zhSources![0]!.block)).toEqual([1, 2, 3, 4, 5]);
    expect(document.pairs.map((p) => p.enSources![0]!.block)).toEqual([6, 7, 8, 9, 10]);
    expectExactOffsets(document, paragraphs);
  });

  it('two files, one per language: the positions of each side (web page blocks, text lines)', async () => {
    const zhPage = `<html><body><article>${zh.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const zhSide = await sideTextOf({ name: 'zh.html', bytes: utf8(zhPage) });
    const enSide = await sideTextOf({ name: 'en.txt', bytes: utf8(`\n${en.join('\n\n')}\n`) });
    const document = alignDocument({ zh: zhSide, en: enSide });
    expect(document.pairs).toHaveLength(5);
    expect(document.pairs.map((p) => p.zhSources![0]!.block)).toEqual([1, 2, 3, 4, 5]);
    expect(document.pairs.map((p) => p.enSources![0]!.line)).toEqual([2, 4, 6, 8, 10]);
  });

  it('CSV: the line, record and field; .xlsx: the sheet, row and column', async () => {
    const csv = `en,zh\n"${en[0]}","${zh[0]}"\n"${en[1]!.replace(', ', ',\n')}","${zh[1]}"\n`;
    const fromCsv = await align('pairs.csv', utf8(csv));
    expect(fromCsv.document.pairs[0]!.zhSources).toEqual([
      { row: 2, column: 2, line: 2, start: 0, end: zh[0]!.length },
    ]);
    // The second record's English spans two lines (a quoted line break): it starts on line 3.
    expect(fromCsv.document.pairs[1]!.enSources![0]).toMatchObject({ row: 3, column: 1, line: 3 });
    expectExactOffsets(fromCsv.document, fromCsv.paragraphs);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Release');
    sheet.addRow(['中文', 'English']);
    for (const [i, z] of zh.entries()) sheet.addRow([z, en[i]]);
    const fromXlsx = await align('pairs.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(fromXlsx.document.pairs).toHaveLength(5);
    expect(fromXlsx.document.pairs[4]!.enSources![0]).toMatchObject({ sheet: 'Release', row: 6, column: 2 });
    expectExactOffsets(fromXlsx.document, fromXlsx.paragraphs);
  });

  it('TMX: the unit number and its tuid', async () => {
    const tus = zh
      .map(
        (z, i) =>
          `<tu tuid="t${i + 1}"><tuv xml:lang="zh-CN"><seg>${z}</seg></tuv><tuv xml:lang="en-US"><seg>${en[i]}</seg></tuv></tu>`,
      )
      .join('\n');
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/><body>\n${tus}\n</body></tmx>`;
    const { document, paragraphs } = await align('pairs.tmx', utf8(tmx));
    expect(document.pairs).toHaveLength(5);
    expect(document.pairs[2]!.zhSources![0]).toMatchObject({ unit: 3, id: 't3', start: 0 });
    expect(document.pairs[2]!.enSources![0]).toMatchObject({ unit: 3, id: 't3', start: 0 });
    expectExactOffsets(document, paragraphs);
  });
});

describe('source positions in the outputs', () => {
  it('jsonl and json carry zhSources and enSources; tsv is unchanged', async () => {
    const jsonl = (await runCli(['align', EXAMPLE_PATH, '--format', 'jsonl'])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jsonl[1].zhSources).toEqual([{ line: 2, start: 0, end: lines[1]!.length }]);
    expect(jsonl[1].enSources).toEqual([{ line: 7, start: 0, end: lines[6]!.length }]);
    const json = JSON.parse((await runCli(['align', EXAMPLE_PATH, '--format', 'json'])).stdout);
    expect(json.pairs[1].enSources).toEqual(jsonl[1].enSources);
    const tsv = (await runCli(['align', EXAMPLE_PATH])).stdout;
    expect(tsv.split('\n')[0]!.split('\t')).toHaveLength(2);
  });

  it('xlsx has a position column per side, in the format’s words', async () => {
    const out = join(dir, 'pairs.xlsx');
    expect((await runCli(['align', EXAMPLE_PATH, '--format', 'xlsx', '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(7)).toEqual(['zh position', 'en position']);
    expect((sheet.getRow(2).values as unknown[]).slice(7)).toEqual(['line 1, column 1', 'line 6, column 1']);
  });

  it('TMX: each variant has a prop per sentence, and stays valid against the TMX 1.4 DTD', async () => {
    const tmx = (await runCli(['align', EXAMPLE_PATH, '--format', 'tmx'])).stdout;
    const props = [...tmx.matchAll(/<prop type="x-source-position">([^<]*)<\/prop>/g)].map((m) =>
      JSON.parse(m[1]!.replace(/&quot;/g, '"')),
    );
    expect(props).toHaveLength(10);
    expect(props.slice(0, 2)).toEqual([
      { line: 1, start: 0, end: lines[0]!.length },
      { line: 6, start: 0, end: lines[5]!.length },
    ]);
    const { valid, errors } = await validateTmx(tmx);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });
});
