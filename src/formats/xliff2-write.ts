import { escapeXml } from './xml-escape.js';

/**
 * XLIFF 2.0 (OASIS, 2014), written in pieces so a large TM streams. Unlike 1.2, a 2.0 document has
 * one source and one target language for all of its files (`srcLang`/`trgLang` on `<xliff>`; an
 * `xml:lang` on `<source>` or `<target>` must repeat them), so one document holds one language pair:
 * the caller chooses it (see store/export.ts). Chinese is the source, English the target; each unit
 * is one `<segment state="translated">`. What 2.0's core has no place for (the unit's document,
 * position, confidence and dates) goes in the Metadata module (`mda:`), which any 2.0 tool may
 * ignore and must keep.
 */
export const XLIFF2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF2_METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0';

export interface Xliff2Unit {
  /** An NMTOKEN, unique in the file. */
  id: string;
  source: string;
  target: string;
  /** `mda:meta` entries (type → value) in the `bitext` group; empty ones are left out. */
  metadata?: Array<[string, string | null | undefined]>;
}

export function xliff2Start(options: { srcLang: string; trgLang: string; original?: string }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<xliff xmlns="${XLIFF2_NAMESPACE}" xmlns:mda="${XLIFF2_METADATA_NAMESPACE}" version="2.0" ` +
    `srcLang="${escapeXml(options.srcLang)}" trgLang="${escapeXml(options.trgLang)}">\n` +
    `  <file id="f1" original="${escapeXml(options.original ?? 'bitext-tm')}">\n`
  );
}

export function xliff2Unit(unit: Xliff2Unit): string {
  const metas = (unit.metadata ?? []).filter(
    (entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined,
  );
  const metadata = metas.length
    ? '      <mda:metadata>\n        <mda:metaGroup category="bitext">\n' +
      metas
        .map(
          ([type, value]) => `          <mda:meta type="${escapeXml(type)}">${escapeXml(value)}</mda:meta>\n`,
        )
        .join('') +
      '        </mda:metaGroup>\n      </mda:metadata>\n'
    : '';
  return (
    `    <unit id="${escapeXml(unit.id)}">\n` +
    metadata +
    '      <segment state="translated">\n' +
    `        <source>${xliff2Text(unit.source)}</source>\n` +
    `        <target>${xliff2Text(unit.target)}</target>\n` +
    '      </segment>\n' +
    '    </unit>\n'
  );
}

export function xliff2End(): string {
  return '  </file>\n</xliff>\n';
}

// Control characters XML 1.0 cannot carry (lone surrogates and U+FFFE/U+FFFF are not characters).
const XML_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * Escaped text; a control character XML cannot carry is kept as XLIFF 2.0's `<cp hex="…"/>` (the
 * reader turns it back), where 1.2 has to drop it.
 */
function xliff2Text(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(XML_CONTROLS)) {
    const hex = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out += `${escapeXml(text.slice(from, match.index))}<cp hex="${hex}"/>`;
    from = match.index + 1;
  }
  return out + escapeXml(text.slice(from));
}
