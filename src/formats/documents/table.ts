import { detectLanguage } from '../../core/document.js';
import { BitextError } from '../../core/errors.js';
import type { DocumentParagraph, ParagraphSource } from './document-reader.js';

// A spreadsheet or CSV of translations: one column Chinese, one English, a row per paragraph pair.
// Shared by the .xlsx and CSV readers, which differ only in how they get the cells.

/** A row of cells as a reader found it, with where it sits (1-based). */
export interface TableRow {
  cells: string[];
  /** The sheet row (.xlsx) or the record number (CSV). */
  row: number;
  /** The CSV line the record starts on, for messages. */
  line?: number;
}

const ZH_HEADERS =
  /^(?:zh(?:[-_].*)?|chinese|cn|中文|汉语|漢語|华语|華語|简体中文|簡體中文|繁体中文|繁體中文|原文)$/;
const EN_HEADERS = /^(?:en(?:[-_].*)?|english|英文|英语|英語|译文|譯文)$/;
// Names that say which column is which role, not which language: the script then says which is zh.
const PAIR_HEADERS = /^(?:source|target|src|tgt|source text|target text|translation)$/;

/**
 * The paragraphs of a zh|en table, row by row: each row's zh cell, then its en cell, each tagged
 * with its language (a row is a pair, as a two-column Word table is). The columns are found from a
 * header row (zh/en, 中文/English, language tags such as zh-CN; or source/target, the script
 * deciding which is Chinese), else from the script of their cells, in either order. Empty cells are
 * left out. `where` is the table's place (its sheet), copied to every paragraph's source.
 */
export function tableParagraphs(
  rows: readonly TableRow[],
  file: string,
  where: Omit<ParagraphSource, 'row' | 'column'> = {},
): DocumentParagraph[] {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (filled.length === 0) {
    throw new BitextError(
      'EMPTY_INPUT',
      `an empty ${where.sheet ? `sheet "${where.sheet}"` : 'table'}: no cells with text`,
      {
        file,
      },
    );
  }
  const columns = headerColumns(filled[0]!.cells, filled.slice(1)) ?? scriptColumns(filled);
  if (!columns) {
    throw new BitextError(
      'NO_LANGUAGE_COLUMNS',
      `no zh and en columns found${where.sheet ? ` in sheet "${where.sheet}"` : ''}: name them in a header row (zh, en, 中文, English, source, target) or give one column of Chinese and one of English`,
      { file, line: filled[0]!.line },
    );
  }
  const paragraphs: DocumentParagraph[] = [];
  for (const r of columns.header ? filled.slice(1) : filled) {
    for (const [lang, index] of [
      ['zh', columns.zh],
      ['en', columns.en],
    ] as const) {
      const text = (r.cells[index] ?? '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      paragraphs.push({
        text,
        lang,
        source: {
          ...where,
          row: r.row,
          column: index + 1,
          ...(r.line === undefined ? {} : { line: r.line }),
        },
      });
    }
  }
  if (paragraphs.length === 0) {
    throw new BitextError('EMPTY_INPUT', 'a table with a header row and no text under it', { file });
  }
  return paragraphs;
}

interface Columns {
  zh: number;
  en: number;
  header: boolean;
}

function headerColumns(cells: readonly string[], body: readonly TableRow[]): Columns | undefined {
  let zh: number | undefined;
  let en: number | undefined;
  const roles: number[] = [];
  cells.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (ZH_HEADERS.test(name)) zh ??= index;
    else if (EN_HEADERS.test(name)) en ??= index;
    else if (PAIR_HEADERS.test(name)) roles.push(index);
  });
  if (zh !== undefined && en !== undefined) return { zh, en, header: true };
  // One language named, or source/target: the remaining column is the other language, and the
  // script of the cells says which of source and target is the Chinese.
  const candidates = [zh, en, ...roles].filter((i): i is number => i !== undefined);
  if (candidates.length < 2) return undefined;
  const [a, b] = candidates as [number, number];
  if (zh !== undefined) return { zh, en: a === zh ? b : a, header: true };
  if (en !== undefined) return { zh: a === en ? b : a, en, header: true };
  return hanShare(body, a) >= hanShare(body, b)
    ? { zh: a, en: b, header: true }
    : { zh: b, en: a, header: true };
}

/** No header: the column most written in Han characters is zh, the one most in Latin letters en. */
function scriptColumns(rows: readonly TableRow[]): Columns | undefined {
  const width = Math.max(...rows.map((r) => r.cells.length));
  let zh: number | undefined;
  let en: number | undefined;
  let bestZh = 0;
  let bestEn = 0;
  for (let index = 0; index < width; index++) {
    const counts = { zh: 0, en: 0 };
    for (const r of rows) {
      const lang = detectLanguage(r.cells[index] ?? '');
      if (lang) counts[lang]++;
    }
    if (counts.zh > counts.en && counts.zh > bestZh) [zh, bestZh] = [index, counts.zh];
    if (counts.en > counts.zh && counts.en > bestEn) [en, bestEn] = [index, counts.en];
  }
  if (zh === undefined || en === undefined) return undefined;
  // A first row with no Chinese in the zh column is a header of other names (ID, Text…), not a pair.
  const first = rows[0]!;
  return { zh, en, header: detectLanguage(first.cells[zh] ?? '') !== 'zh' };
}

function hanShare(rows: readonly TableRow[], index: number): number {
  let han = 0;
  let all = 0;
  for (const r of rows) {
    const text = r.cells[index] ?? '';
    han += text.match(/\p{Script=Han}/gu)?.length ?? 0;
    all += text.replace(/\s/g, '').length;
  }
  return han / Math.max(1, all);
}
