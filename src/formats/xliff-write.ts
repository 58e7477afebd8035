import { escapeXml } from './xml-escape.js';

/**
 * XLIFF 1.2 (the version most CAT tools read), written in pieces so a large TM streams: the document
 * start, then per language pair a `<file>` (its source-language and target-language are the pair's,
 * so a TM of zh-CN and zh-TW units writes two files), one `<trans-unit>` per unit, the end. Chinese is
 * the source, English the target, state "translated".
 */
export interface XliffFileOptions {
  sourceLang: string;
  targetLang: string;
  original?: string;
}

export function xliffStart(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
  );
}

export function xliffFileStart(options: XliffFileOptions): string {
  return (
    `  <file original="${escapeXml(options.original ?? 'bitext-tm')}" source-language="${escapeXml(options.sourceLang)}" ` +
    `target-language="${escapeXml(options.targetLang)}" datatype="plaintext">\n    <body>\n`
  );
}

export function xliffUnit(unit: { id: string; source: string; target: string }): string {
  return (
    `      <trans-unit id="${escapeXml(unit.id)}">\n` +
    `        <source>${escapeXml(unit.source)}</source>\n` +
    `        <target state="translated">${escapeXml(unit.target)}</target>\n` +
    '      </trans-unit>\n'
  );
}

export function xliffFileEnd(): string {
  return '    </body>\n  </file>\n';
}

export function xliffEnd(): string {
  return '</xliff>\n';
}

/** Start of a document of one `<file>` (end it with xliffFooter). */
export function xliffHeader(options: XliffFileOptions): string {
  return xliffStart() + xliffFileStart(options);
}

export function xliffFooter(): string {
  return xliffFileEnd() + xliffEnd();
}
