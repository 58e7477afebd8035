import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import type { SentencePair } from '../core/types.js';
import { PAIR_XLSX_COLUMNS, pairsToXlsx } from './pairs.js';
import { writeXlsx } from './xlsx-write.js';

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function sheetOf(chunks: AsyncIterable<Uint8Array>): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(chunks)) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

const pairs: SentencePair[] = [
  {
    zh: '重慶市外事工作。',
    en: 'Foreign affairs of Chongqing.',
    confidence: 0.98765,
    zhIds: [0],
    enIds: [0],
  },
  {
    zh: '一句。兩句。',
    en: 'One and two.',
    confidence: 0.5,
    zhIds: [1, 2],
    enIds: [1],
    zhSources: [
      { page: 2, line: 3, block: 4, start: 0, end: 3 },
      { page: 2, line: 4, block: 4, start: 3, end: 6 },
    ],
    enSources: [{ sheet: 'S 1', row: 3, column: 28, start: 0, end: 12 }],
  },
];

describe('pairsToXlsx', () => {
  it('writes one sheet: a bold, frozen header, then one row per pair with texts, confidence and ids', async () => {
    const sheet = await sheetOf(pairsToXlsx(pairs, 'doc.txt'));
    expect(sheet.name).toBe('pairs');
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'zh',
      'en',
      'confidence',
      'zh ids',
      'en ids',
      'source',
      'zh position',
      'en position',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '重慶市外事工作。',
      'Foreign affairs of Chongqing.',
      0.988,
      '0',
      '0',
      'doc.txt',
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      '一句。兩句。',
      'One and two.',
      0.5,
      '1,2',
      '1',
      'doc.txt',
      'page 2, line 3; page 2, line 4',
      'S 1!AB3',
    ]);
    expect(PAIR_XLSX_COLUMNS.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(
      PAIR_XLSX_COLUMNS.map((c) => c.width),
    );
    expect(sheet.getCell('A2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getCell('B3').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('C2').numFmt).toBe('0.000');
  });

  it('leaves the source cell empty when there is none, and writes a header alone for no pairs', async () => {
    expect((await sheetOf(pairsToXlsx(pairs.slice(0, 1)))).getCell('F2').value).toBeNull();
    expect((await sheetOf(pairsToXlsx([]))).rowCount).toBe(1);
  });
});

describe('writeXlsx', () => {
  const columns = [{ header: 'text', width: 10 }];

  it('replaces what XML cannot carry and cuts a cell at the 32,767 characters Excel holds', async () => {
    const long = 'x'.repeat(40_000);
    const sheet = await sheetOf(
      writeXlsx('s', columns, [['a\u0001b\ud800c\ufffe'], [long], ['tab\there\nline']]),
    );
    expect(sheet.getCell('A2').value).toBe('a\ufffdb\ufffdc\ufffd');
    const cut = sheet.getCell('A3').value as string;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('x…')).toBe(true);
    expect(sheet.getCell('A4').value).toBe('tab\there\nline');
  });

  it('streams rows from an async source, dates and numbers typed', async () => {
    const when = new Date('2026-12-06T10:00:00Z');
    async function* rows() {
      for (let i = 0; i < 2000; i++) yield [i, when];
    }
    const sheet = await sheetOf(writeXlsx('s', [...columns, { header: 'when', width: 20 }], rows()));
    expect(sheet.rowCount).toBe(2001);
    expect(sheet.getCell('A2001').value).toBe(1999);
    expect((sheet.getCell('B2').value as Date).toISOString()).toBe(when.toISOString());
  });

  it('streams: bytes come out while rows are still coming, and stopping early stops the rows', async () => {
    let pulled = 0;
    let finished = false;
    async function* rows() {
      try {
        for (let i = 0; i < 200_000; i++) {
          pulled++;
          yield [`第${i}句 sentence number ${i} of a long translation memory`];
        }
      } finally {
        finished = true;
      }
    }
    let bytes = 0;
    for await (const chunk of writeXlsx('s', columns, rows())) {
      bytes += chunk.length;
      if (bytes > 100_000) break;
    }
    expect(pulled).toBeLessThan(50_000);
    expect(finished).toBe(true);
  });

  it('refuses more rows than the sheet holds, as an error the CLI reports in one line', async () => {
    try {
      await bytesOf(writeXlsx('s', columns, [['a'], ['b'], ['c']], { maxRows: 2 }));
      expect.unreachable();
    } catch (error) {
      expect(isBitextError(error) && error.code).toBe('XLSX_TOO_LARGE');
      expect((error as Error).message).toMatch(/^more than 2 rows, which is all an Excel sheet holds/);
    }
  });
});
