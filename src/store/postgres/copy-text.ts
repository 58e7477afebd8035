/**
 * One line of COPY's text format (PostgreSQL manual, COPY, "Text Format"): columns separated by tabs,
 * `\N` for NULL, and backslash, newline, carriage return and tab escaped with a backslash.
 */
export function copyRow(values: ReadonlyArray<string | number | null>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    line +=
      value === null || value === undefined
        ? '\\N'
        : typeof value === 'number'
          ? String(value)
          : escapeCopyText(value);
  }
  return `${line}\n`;
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCopyText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : text;
}
