import { escapeXml } from './xml-escape.js';

/**
 * XLIFF 1.2 (the version most CAT tools read), written in pieces so a large TM streams: header, one
 * `<trans-unit>` per unit, footer. Chinese is the source, English the target, state "translated".
 */
export function xliffHeader(options: { sourceLang: string; targetLang: string; original?: string }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
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

export function xliffFooter(): string {
  return '    </body>\n  </file>\n</xliff>\n';
}
