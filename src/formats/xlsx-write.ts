import { BitextError } from '../core/errors.js';
import { escapeXml, replaceNonXmlChars } from './xml-escape.js';
import { writeZip, type ZipEntry } from './zip-write.js';

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

/** The number format a Date cell gets when its column names none. */
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * One worksheet for review in Excel: a bold header row that stays in view (frozen), the given column
 * widths, wrapped long text aligned to the top, and an autofilter on the header; the bytes are the
 * .xlsx (a zip). It streams: each row's XML is made as the row comes (an async source is never
 * collected into an array) and deflated into the zip a piece at a time (zip-write.ts), so memory
 * does not grow with the rows and the first bytes come out at once. exceljs 4.4.0's WorkbookWriter,
 * used before, kept the whole sheet in memory and zipped it at the end (`npm run bench:xlsx`, 600,000
 * TM rows, same run: 530 MB peak RSS and 36.8 s CPU then, 144 MB and 16.4 s CPU now, the same at
 * 100,000 rows). Cells are inline strings (no
 * shared-string table, which would have to be written before the sheet); numbers and dates are
 * typed, a date as Excel's serial day number with a date format. Characters XML cannot carry
 * become U+FFFD; more rows than Excel holds is an error (XLSX_TOO_LARGE).
 */
export function writeXlsx(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
  options: { maxRows?: number } = {},
): AsyncGenerator<Uint8Array> {
  const maxRows = options.maxRows ?? XLSX_MAX_ROWS;
  const styles = sheetStyles(columns);
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: ROOT_RELS },
    { name: 'docProps/core.xml', content: coreProperties(new Date()) },
    { name: 'xl/workbook.xml', content: workbookXml(sheetName) },
    { name: 'xl/_rels/workbook.xml.rels', content: WORKBOOK_RELS },
    { name: 'xl/styles.xml', content: styles.xml },
    { name: 'xl/worksheets/sheet1.xml', content: sheetXml(columns, rows, styles, maxRows) },
  ];
  return writeZip(entries);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

function coreProperties(now: Date): string {
  const when = now.toISOString().replace(/\.\d+Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>bitext</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** A sheet name as Excel allows it: at most 31 characters, none of : \\ / ? * [ ]. */
function workbookXml(sheetName: string): string {
  const name = sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

interface SheetStyles {
  xml: string;
  /** The header row's style, and per column the cell style (xf index) of its header, body and date cells. */
  headerRow: number;
  header: number[];
  body: number[];
  date: number[];
}

/**
 * The styles part: a normal and a bold font, and three cell formats per column (header: bold; body:
 * the column's alignment and number format; dates: the same with a date format).
 */
function sheetStyles(columns: readonly XlsxColumn[]): SheetStyles {
  const formats = new Map<string, number>(); // custom number formats start at id 164
  const formatId = (code: string | undefined) => {
    if (code === undefined) return 0;
    let id = formats.get(code);
    if (id === undefined) {
      id = 164 + formats.size;
      formats.set(code, id);
    }
    return id;
  };
  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const xf = (numFmtId: number, fontId: number, column: XlsxColumn) => {
    xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"${numFmtId ? ' applyNumberFormat="1"' : ''}><alignment vertical="top"${column.wrap ? ' wrapText="1"' : ''}/></xf>`,
    );
    return xfs.length - 1;
  };
  // The header row's own style (bold), which Excel gives cells added to the row later.
  xfs.push('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
  const headerRow = xfs.length - 1;
  const header: number[] = [];
  const body: number[] = [];
  const date: number[] = [];
  for (const column of columns) {
    header.push(xf(0, 1, column));
    body.push(xf(formatId(column.numberFormat), 0, column));
    date.push(xf(formatId(column.numberFormat ?? DATE_FORMAT), 0, column));
  }
  const numFmts = [...formats]
    .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join('');
  const xml =
    `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
    (formats.size ? `<numFmts count="${formats.size}">${numFmts}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  return { xml, headerRow, header, body, date };
}

/** The worksheet, as pieces of text: the frozen header, the widths, each row as it comes, the filter. */
async function* sheetXml(
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
  styles: SheetStyles,
  maxRows: number,
): AsyncGenerator<string> {
  const letters = columns.map((_, i) => columnLetters(i + 1));
  const last = letters.at(-1) ?? 'A';
  const cols = columns
    .map(
      (c, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1" style="${styles.body[i]}"/>`,
    )
    .join('');
  yield `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  yield `<row r="1" s="${styles.headerRow}" customFormat="1">${columns.map((c, i) => stringCell(`${letters[i]}1`, c.header, styles.header[i]!)).join('')}</row>`;
  let count = 0;
  for await (const row of rows) {
    if (++count > maxRows) {
      throw new BitextError(
        'XLSX_TOO_LARGE',
        `more than ${maxRows.toLocaleString('en-US')} rows, which is all an Excel sheet holds; select fewer or write another format`,
      );
    }
    const r = count + 1;
    let xml = `<row r="${r}">`;
    row.forEach((cell, i) => {
      if (cell === null || cell === undefined || i >= columns.length) return;
      const ref = `${letters[i]}${r}`;
      if (typeof cell === 'string') xml += stringCell(ref, cellText(cell), styles.body[i]!);
      else if (typeof cell === 'number') {
        if (Number.isFinite(cell)) xml += `<c r="${ref}" s="${styles.body[i]}"><v>${cell}</v></c>`;
      } else if (!Number.isNaN(cell.getTime())) {
        xml += `<c r="${ref}" s="${styles.date[i]}"><v>${excelSerial(cell)}</v></c>`;
      }
    });
    yield `${xml}</row>`;
    if (count % ROWS_PER_PAUSE === 0) await new Promise((done) => setImmediate(done));
  }
  yield `</sheetData><autoFilter ref="A1:${last}1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function stringCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Excel's serial day number (1900 date system) of a moment, in UTC. */
function excelSerial(when: Date): number {
  return when.getTime() / 86_400_000 + 25_569;
}

/** Excel's column letters: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellText(cell: string): string {
  const text = replaceNonXmlChars(cell, '\ufffd');
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}
