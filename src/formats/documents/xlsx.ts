import { BitextError } from '../../core/errors.js';
import type { DocumentParagraph, DocumentReader } from './document-reader.js';
import { type TableRow, tableParagraphs } from './table.js';

/**
 * Excel .xlsx with a zh and an en column: each row a pair of paragraphs. Every sheet that has zh
 * and en columns is read, in the workbook's order (a translation may be kept a chapter a sheet);
 * sheets without them (notes, lookups) are passed over. A cell gives the text Excel shows: a
 * formula its cached result, rich text its letters, a hyperlink its label. A merged range's text
 * is read once, from its top-left cell, not repeated in every cell it covers.
 */
export const xlsxReader: DocumentReader = {
  format: 'xlsx',
  async read(bytes, file) {
    // Loaded on first use: reading plain text should not pay for exceljs.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
    } catch (error) {
      const reason = String((error as Error)?.message ?? error).split('\n')[0];
      throw new BitextError(
        'XLSX_CORRUPT',
        `not a readable Excel .xlsx (${reason})`,
        { file },
        { cause: error },
      );
    }
    // Every sheet with zh and en columns, in the workbook's order; sheets of other things (notes,
    // lookups, an empty cover sheet) are passed over. With none, the first sheet's reason is given.
    const paragraphs: DocumentParagraph[] = [];
    let refusal: BitextError | undefined;
    for (const sheet of workbook.worksheets) {
      const rows = sheetRows(sheet);
      if (!rows.some((r) => r.cells.some((c) => c.trim()))) continue;
      try {
        paragraphs.push(...tableParagraphs(rows, file, { sheet: sheet.name }));
      } catch (error) {
        if (!(error instanceof BitextError)) throw error;
        refusal ??= error;
      }
    }
    if (paragraphs.length > 0) return paragraphs;
    if (refusal) throw refusal;
    const name = workbook.worksheets[0]?.name;
    throw new BitextError(
      'EMPTY_INPUT',
      name
        ? `an empty sheet: no cells with text in "${name}"${workbook.worksheets.length > 1 ? ' or any other sheet' : ''}`
        : 'a workbook with no sheets',
      { file },
    );
  },
};

type Worksheet = import('exceljs').Worksheet;

/** A sheet's rows with text, each cell as Excel shows it; the cells a merge covers are empty. */
function sheetRows(sheet: Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : (cell.text ?? '');
    });
    rows.push({ cells: Array.from(cells, (c) => c ?? ''), row: rowNumber });
  });
  return rows;
}
