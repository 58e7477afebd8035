import { BitextError } from '../core/errors.js';
import {
  TERM_STATUSES,
  type TermEntry,
  type TermKind,
  type TermPair,
  type TermStatus,
} from '../core/terms/index.js';
import { parseCsv } from './csv.js';

const KINDS: readonly TermKind[] = ['person', 'place', 'organization', 'title', 'term'];
const COLUMNS = ['zh', 'en', 'status', 'kind', 'score', 'note', 'source'] as const;

/**
 * Extracted pairs as TSV: a header row `zh<TAB>en<TAB>score<TAB>kind`, then one pair a line (tabs and
 * line breaks inside a term become spaces). parseTermsTable reads it back, so an extracted list can be
 * reviewed and imported as it is.
 */
export function termPairsToTsv(terms: readonly TermPair[]): string {
  return [['zh', 'en', 'score', 'kind'], ...terms.map((t) => [t.zh, t.en, t.score, t.kind])]
    .map((row) => row.map(tsvField).join('\t') + '\n')
    .join('');
}

/** Termbase entries as TSV: a header row `zh<TAB>en<TAB>status<TAB>kind`, then one entry a line. */
export function termEntriesToTsv(entries: readonly TermEntry[]): string {
  return [['zh', 'en', 'status', 'kind'], ...entries.map((e) => [e.zh, e.en, e.status, e.kind ?? ''])]
    .map((row) => row.map(tsvField).join('\t') + '\n')
    .join('');
}

/** RFC 4180 CSV with a header row: zh,en,status,kind,score,note,source (the columns import reads back). */
export function termEntriesToCsv(entries: readonly TermEntry[]): string {
  const rows = entries.map((e) =>
    [e.zh, e.en, e.status, e.kind ?? '', e.score ?? '', e.note ?? '', e.source ?? ''].map(csvField).join(','),
  );
  return [COLUMNS.join(','), ...rows].map((r) => r + '\r\n').join('');
}

/** Extracted pairs as termbase entries (status admitted: a machine found them, a person has not judged them). */
export function termPairsToEntries(terms: readonly TermPair[], source?: string): TermEntry[] {
  return terms.map((t) => ({
    zh: t.zh,
    en: t.en,
    status: 'admitted' as const,
    kind: t.kind,
    score: t.score,
    ...(t.abbreviationOf ? { note: `abbreviation of ${t.abbreviationOf}` } : {}),
    ...(source ? { source } : {}),
  }));
}

/**
 * Reads a termbase from CSV (comma) or TSV (tab): a header row naming the columns (zh, en, and any of
 * status, kind, score, note, source; `source`/`target` and language tags such as zh-CN/en-US are
 * accepted for zh/en), or no header and zh, en[, status] in that order, or zh, en, score[, kind] as
 * `bitext terms` writes them (a number in the third column is a score, never a status). Status
 * defaults to preferred. Control characters other than tab and line breaks (NUL, ESC…) are refused,
 * as `align` and `qa` refuse them, naming the line and column.
 */
export function parseTermsTable(text: string, file: string): TermEntry[] {
  const delimiter = firstLine(text).includes('\t') ? '\t' : ',';
  const rows =
    delimiter === '\t'
      ? text.split(/\r?\n/).map((l, i) => ({ cells: l.split('\t'), line: i + 1 }))
      : parseCsv(text, file, 'TERMS_MALFORMED');
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (nonEmpty.length === 0) return [];
  const header = headerColumns(nonEmpty[0]!.cells);
  const third = (nonEmpty[0]!.cells[2] ?? '').trim();
  const columns =
    header ??
    (third !== '' && Number.isFinite(Number(third))
      ? { zh: 0, en: 1, score: 2, kind: 3 }
      : { zh: 0, en: 1, status: 2 });
  const entries: TermEntry[] = [];
  for (const { cells, line } of header ? nonEmpty.slice(1) : nonEmpty) {
    refuseControls(cells, file, line);
    const cell = (name: string) => {
      const index = (columns as Record<string, number | undefined>)[name];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const zh = cell('zh');
    const en = cell('en');
    if (!zh || !en) {
      throw new BitextError(
        'TERMS_MALFORMED',
        `a term needs both zh and en, found ${JSON.stringify(cells.join(delimiter))}`,
        {
          file,
          line,
        },
      );
    }
    const status = (cell('status').toLowerCase() || 'preferred') as TermStatus;
    if (!TERM_STATUSES.includes(status)) {
      throw new BitextError(
        'TERMS_MALFORMED',
        `status must be preferred, admitted or forbidden, found "${status}"`,
        {
          file,
          line,
        },
      );
    }
    const entry: TermEntry = { zh, en, status };
    const kind = cell('kind') as TermKind;
    if (kind && KINDS.includes(kind)) entry.kind = kind;
    const score = Number(cell('score'));
    if (cell('score') && Number.isFinite(score)) entry.score = score;
    if (cell('note')) entry.note = cell('note');
    if (cell('source')) entry.source = cell('source');
    entries.push(entry);
  }
  return entries;
}

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function refuseControls(cells: readonly string[], file: string, line: number): void {
  for (const [index, cell] of cells.entries()) {
    const at = cell.search(CONTROL);
    if (at < 0) continue;
    const code = cell.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
    throw new BitextError('TERMS_MALFORMED', `control character U+${code} in column ${index + 1}`, {
      file,
      line,
    });
  }
}

function headerColumns(cells: readonly string[]): Record<string, number> | undefined {
  const columns: Record<string, number> = {};
  cells.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === 'zh' || name === 'chinese' || /^zh[-_]/.test(name)) columns.zh ??= index;
    else if (name === 'en' || name === 'english' || /^en[-_]/.test(name)) columns.en ??= index;
    else if (name === 'source' && columns.zh === undefined) columns.zh = index;
    else if (name === 'target' && columns.en === undefined) columns.en = index;
    else if ((COLUMNS as readonly string[]).includes(name)) columns[name] ??= index;
  });
  return columns.zh !== undefined && columns.en !== undefined ? columns : undefined;
}

function firstLine(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function tsvField(value: string | number): string {
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
