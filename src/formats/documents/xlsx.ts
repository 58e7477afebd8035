import { BitextError } from '../../core/errors.js';
import type { DocumentReader } from './document-reader.js';
import { type TableRow, tableParagraphs } from './table.js';

/**
 * Excel .xlsx with a zh and an en column: each row a pair of paragraphs. The first sheet with any
 * text is read (a workbook of translations keeps them on one sheet; later sheets are usually notes
 * or lookups). A cell gives the text Excel shows: a formula its cached result, rich text its letters,
 * a hyperlink its label.
 */
export const xlsxReader: DocumentReader = {
  format: 'xlsx',
  async read(bytes, file) {
    // Loaded on first use, as the writer does: reading plain text should not pay for exceljs.
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
    for (const sheet of workbook.worksheets) {
      const rows: TableRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cell.text ?? '';
        });
        rows.push({ cells: Array.from(cells, (c) => c ?? ''), row: rowNumber });
      });
      if (rows.some((r) => r.cells.some((c) => c.trim())))
        return tableParagraphs(rows, file, { sheet: sheet.name });
    }
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
