import { PassThrough } from 'node:stream';
import { BitextError } from '../core/errors.js';
import { replaceNonXmlChars } from './xml-escape.js';

/** A column of a review sheet: its header, width in characters, and how its cells show. */
export interface XlsxColumn {
  header: string;
  width: number;
  /** Long text: wrapped in its cell (the row grows) rather than cut off at the column's edge. */
  wrap?: boolean;
  /** An Excel number format for numeric cells, e.g. `0.000`. */
  numberFormat?: string;
}

export type XlsxCell = string | number | Date | null;

/**
 * Rows a sheet can hold: Excel's limit is 1,048,576 rows, one of them the header. A larger sheet
 * opens cut off (Excel warns, LibreOffice drops the rest), so it is refused rather than written.
 */
export const XLSX_MAX_ROWS = 1_048_575;

/**
 * Characters a cell can hold in Excel (32,767); a longer one opens as a repair prompt. Sentences are
 * never this long, but a paragraph that failed to split might be: it is cut, with an ellipsis.
 */
const MAX_CELL_CHARS = 32_767;

/** Rows between turns of the event loop, so that Ctrl-C and a server's other requests get in. */
const ROWS_PER_PAUSE = 500;

/**
 * One worksheet for review in Excel: a bold header row that stays in view (frozen), the given column
 * widths, wrapped long text aligned to the top, and an autofilter on the header; the bytes are the
 * .xlsx (a zip). Rows are taken as they come (an async source is never collected into an array), but
 * exceljs 4.4.0's "streaming" WorkbookWriter is not streaming to the end: it keeps the sheet's XML in
 * memory and zips it with JSZip when the workbook is committed, so memory grows by about 0.5 KB a row
 * and the first byte comes out last (measured: 600,000 TM rows, 30 s, 436 MB peak RSS; Excel's row
 * limit bounds it near 0.7 GB). A streaming zip writer of our own would lift that; exceljs was the
 * brief. Cells are inline strings (no shared-string table). exceljs is loaded on first use: the other
 * formats do not pay for it. Characters XML cannot carry become U+FFFD; more rows than Excel holds is
 * an error (XLSX_TOO_LARGE).
 */
export async function* writeXlsx(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
  options: { maxRows?: number } = {},
): AsyncGenerator<Uint8Array> {
  const maxRows = options.maxRows ?? XLSX_MAX_ROWS;
  const { default: ExcelJS } = await import('exceljs');
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'bitext';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: {
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
      ...(column.numberFormat ? { numFmt: column.numberFormat } : {}),
    },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  // Set when the reader stops early (an error writing the file, a closed pipe): the rows stop too.
  let stopped = false;
  const produce = async () => {
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for await (const row of rows) {
      if (stopped) return;
      if (++count > maxRows) {
        throw new BitextError(
          'XLSX_TOO_LARGE',
          `more than ${maxRows.toLocaleString('en-US')} rows, which is all an Excel sheet holds; select fewer or write another format`,
        );
      }
      sheet.addRow(row.map(cellValue)).commit();
      if (count % ROWS_PER_PAUSE === 0) await new Promise((done) => setImmediate(done));
    }
    sheet.commit();
    await workbook.commit();
  };
  const produced = produce().catch((error: unknown) => {
    output.destroy(error as Error);
  });
  try {
    for await (const chunk of output) yield chunk as Uint8Array;
  } finally {
    stopped = true;
    await produced;
  }
}

function cellValue(cell: XlsxCell): XlsxCell {
  if (typeof cell !== 'string') return cell;
  const text = replaceNonXmlChars(cell, '\ufffd');
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}
