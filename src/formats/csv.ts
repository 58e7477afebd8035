import { BitextError } from '../core/errors.js';

// One RFC 4180 parser for every CSV bitext reads (termbases, zh|en documents), so a quoted field
// means the same thing everywhere and a broken one is named the same way.

/** A CSV record: its fields, and the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * RFC 4180: fields may be quoted, quotes doubled inside, line breaks inside quotes kept; CRLF, LF
 * or CR end a record; a byte-order mark is dropped. A quote in the middle of an unquoted field is
 * kept as a letter (as spreadsheets read it), but a quoted field that never closes, or that is
 * followed by anything but a comma or a line break, is refused with its line and column: reading
 * on would shift every later field into the wrong column.
 */
export function parseCsv(text: string, file: string, code = 'CSV_MALFORMED'): CsvRow[] {
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
    } else if (c === ',') {
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
        `text after the closing quote of a field (a quote inside a quoted field is written "")`,
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
