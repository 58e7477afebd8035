import { BitextError } from '../core/errors.js';

// One RFC 4180 parser for every CSV bitext reads (termbases, zh|en documents), so a quoted field
// means the same thing everywhere and a broken one is named the same way.

/** A CSV record: its fields, and the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** The separators spreadsheets write: comma; semicolon where the comma is the decimal mark (Excel in
 * much of Europe); tab. */
export type CsvSeparator = ',' | ';' | '\t';

const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t'];

/** Records looked at to tell the separator. */
const SNIFF_RECORDS = 20;

/**
 * The separator of a CSV, and its text with Excel's `sep=;` first line emptied when it has one. Else,
 * from the first records (quoted fields skipped, as their separators are text): the separator each
 * record has the same number of, at least one; of several, the one the header has most of; with no
 * such separator, the comma unless the header has none and another one.
 */
export function detectCsvSeparator(text: string): { separator: CsvSeparator; text: string } {
  const input = text.replace(/^\uFEFF/, '');
  // Kept as an empty first line, so the records' line numbers stay the file's.
  const hint = /^sep=([,;\t])[ \t]*(?=\r|\n|$)/i.exec(input);
  if (hint) return { separator: hint[1] as CsvSeparator, text: input.slice(hint[0].length) };
  const counts = new Map<CsvSeparator, number[]>(SEPARATORS.map((s) => [s, []]));
  let quoted = false;
  let record = new Map<string, number>();
  const endRecord = () => {
    for (const s of SEPARATORS) counts.get(s)!.push(record.get(s) ?? 0);
    record = new Map();
  };
  for (let i = 0; i < input.length && counts.get(',')!.length < SNIFF_RECORDS; i++) {
    const c = input[i]!;
    if (c === '"')
      quoted = !quoted; // a doubled quote toggles twice
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord();
    } else if (c === ',' || c === ';' || c === '\t') record.set(c, (record.get(c) ?? 0) + 1);
  }
  if (record.size > 0) endRecord();
  const header = (s: CsvSeparator) => counts.get(s)![0] ?? 0;
  const steady = SEPARATORS.filter((s) => {
    const [first, ...rest] = counts.get(s)!;
    return first !== undefined && first > 0 && rest.every((n) => n === first);
  });
  if (steady.length > 0) {
    const best = steady.reduce((a, b) => (header(b) > header(a) ? b : a));
    return { separator: best, text: input };
  }
  const other = SEPARATORS.find((s) => s !== ',' && header(s) > 0);
  return { separator: header(',') === 0 && other ? other : ',', text: input };
}

/**
 * RFC 4180: fields may be quoted, quotes doubled inside, line breaks inside quotes kept; CRLF, LF
 * or CR end a record; a byte-order mark is dropped. Fields are separated by `separator` (a comma
 * unless told: detectCsvSeparator). A quote in the middle of an unquoted field is
 * kept as a letter (as spreadsheets read it), but a quoted field that never closes, or that is
 * followed by anything but a comma or a line break, is refused with its line and column: reading
 * on would shift every later field into the wrong column.
 */
export function parseCsv(
  text: string,
  file: string,
  code = 'CSV_MALFORMED',
  separator: CsvSeparator = ',',
): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let closed = false; // a quoted field has just ended: only a comma or a line break may follow
  let line = 1;
  let lineStart = 0;
  let rowLine = 1;
  let quoteLine = 1;
  let quoteColumn = 1;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        closed = true;
      } else {
        if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) {
          line++;
          lineStart = i + 1;
        }
        field += c;
      }
    } else if (c === separator) {
      cells.push(field);
      field = '';
      closed = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ cells, line: rowLine });
      cells = [];
      field = '';
      closed = false;
      line++;
      lineStart = i + 1;
      rowLine = line;
    } else if (closed) {
      throw new BitextError(
        code,
        `text after the closing quote of a field (a quote inside a quoted field is written "")${separator === ',' ? '' : ` (fields separated by "${separator === '\t' ? '\\t' : separator}")`}`,
        { file, line, column: i - lineStart + 1 },
      );
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      quoteColumn = i - lineStart + 1;
    } else field += c;
  }
  if (quoted)
    throw new BitextError(code, 'a quoted field is never closed', {
      file,
      line: quoteLine,
      column: quoteColumn,
    });
  if (field !== '' || cells.length > 0 || closed) {
    cells.push(field);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
