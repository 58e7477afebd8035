import type { SentenceSource } from '../core/types.js';

// How the output formats write where a sentence came from: JSON as it is (jsonl, json); for people
// (the review sheet) in the words of the file's own format; TMX as a prop on the variant.

/**
 * Where a sentence is, as someone opening the file would look for it: `Sheet1!B3` in a workbook,
 * `unit 12 (id u7)` in a TMX or XLIFF, `paragraph 4 (table 1, row 2, column 1)` in a Word file or web
 * page's table, `page 2, line 5` in a PDF, `line 5, field 2` in a CSV, `paragraph 4` in a web page or
 * Word file, `line 3, column 1` in plain text.
 */
export function describeSource(source: SentenceSource): string {
  const { sheet, row, column, unit, id, table, block, page, line, start } = source;
  if (sheet !== undefined && row !== undefined && column !== undefined)
    return `${sheet}!${columnLetters(column)}${row}`;
  if (unit !== undefined) return id === undefined ? `unit ${unit}` : `unit ${unit} (id ${id})`;
  if (table !== undefined) return `paragraph ${block} (table ${table}, row ${row}, column ${column})`;
  if (page !== undefined)
    return line === undefined ? `page ${page}, paragraph ${block}` : `page ${page}, line ${line}`;
  if (row !== undefined && column !== undefined) return `line ${line ?? row}, field ${column}`;
  if (block !== undefined) return `paragraph ${block}`;
  if (line !== undefined) return `line ${line}, column ${start + 1}`;
  return '';
}

/** A side's sentences' places, each once, in order: `line 3, column 1; line 3, column 40`. */
export function describeSources(sources: readonly SentenceSource[] | undefined): string | null {
  if (!sources || sources.length === 0) return null;
  return [...new Set(sources.map(describeSource))].filter(Boolean).join('; ') || null;
}

/** Excel's column letters: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
