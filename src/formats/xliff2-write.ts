import { type InlineCode, pairCodes, segmentPieces } from './inline-codes.js';
import { CodeIds, nativeCode, wantedId, xliff2MrkAttributes, xliff2TypeAttributes } from './xliff-codes.js';
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
  /** Each side's inline codes at offsets of its text (see xliff-codes.ts for how each is written). */
  sourceCodes?: readonly InlineCode[];
  targetCodes?: readonly InlineCode[];
  /** `<notes>`; one of a side says so with `appliesTo`. */
  notes?: ReadonlyArray<{ text: string; annotates?: 'source' | 'target' }>;
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
  const notes = unit.notes?.length
    ? '      <notes>\n' +
      unit.notes
        .map(
          (n) =>
            `        <note${n.annotates ? ` appliesTo="${n.annotates}"` : ''}>${xliff2Text(n.text)}</note>\n`,
        )
        .join('') +
      '      </notes>\n'
    : '';
  // The native codes of both sides, in the unit's <originalData>: data ids are unique in the unit.
  const data: string[] = [];
  const source = xliff2SegContent(unit.source, unit.sourceCodes, data);
  const target = xliff2SegContent(unit.target, unit.targetCodes, data);
  const originalData = data.length
    ? '      <originalData>\n' +
      data.map((native, i) => `        <data id="d${i + 1}">${xliff2Text(native)}</data>\n`).join('') +
      '      </originalData>\n'
    : '';
  return (
    `    <unit id="${escapeXml(unit.id)}">\n` +
    metadata +
    notes +
    originalData +
    '      <segment state="translated">\n' +
    `        <source>${source}</source>\n` +
    `        <target>${target}</target>\n` +
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

/**
 * A segment's text with its codes in XLIFF 2.0 markup (the mapping: xliff-codes.ts); each native
 * code is added to `data`, the unit's originalData, and referred to by its id (`d` and its place).
 */
export function xliff2SegContent(
  text: string,
  codes: readonly InlineCode[] | undefined,
  data: string[],
): string {
  if (!codes || codes.length === 0) return xliff2Text(text);
  const { pieces, ordered } = segmentPieces(text, codes);
  const pairing = pairCodes(ordered);
  const ids = new CodeIds();
  const dataRef = (name: string, code: InlineCode | undefined) => {
    const native = nativeCode(code?.content);
    if (native === '') return '';
    // The same native code (a side's <b> and the other side's) is one <data>.
    let at = data.indexOf(native);
    if (at < 0) at = data.push(native) - 1;
    return ` ${name}="d${at + 1}"`;
  };
  // A pair's id and element, chosen at its bpt: <pc> when it nests, else <sc>…<ec>.
  const pairs = new Map<number, { id: string; element: 'pc' | 'sc' }>();
  let openMrk = 0;
  let out = '';
  for (const piece of pieces) {
    if ('text' in piece) {
      out += xliff2Text(piece.text);
      continue;
    }
    const { code, index } = piece;
    const { partner, nested } = pairing[index]!;
    const type = xliff2TypeAttributes(code.attrs?.['type']);
    switch (code.tag) {
      case 'ph':
      case 'ut':
        out += `<ph id="${ids.take(wantedId(code))}"${dataRef('dataRef', code)}${type}/>`;
        break;
      case 'it': {
        const element = code.attrs?.['pos'] === 'end' ? 'ec' : 'sc';
        out += `<${element} id="${ids.take(wantedId(code))}" isolated="yes"${dataRef('dataRef', code)}${type}/>`;
        break;
      }
      case 'bpt': {
        const id = ids.take(wantedId(code));
        if (partner === undefined) {
          out += `<sc id="${id}" isolated="yes"${dataRef('dataRef', code)}${type}/>`;
        } else if (nested) {
          pairs.set(partner, { id, element: 'pc' });
          const refs = dataRef('dataRefStart', code) + dataRef('dataRefEnd', ordered[partner]);
          out += `<pc id="${id}"${refs}${type}>`;
        } else {
          pairs.set(partner, { id, element: 'sc' });
          out += `<sc id="${id}"${dataRef('dataRef', code)}${type}/>`;
        }
        break;
      }
      case 'ept': {
        const pair = pairs.get(index);
        if (pair === undefined)
          out += `<ec id="${ids.take(wantedId(code))}" isolated="yes"${dataRef('dataRef', code)}/>`;
        else if (pair.element === 'pc') out += '</pc>';
        else out += `<ec startRef="${pair.id}"${dataRef('dataRef', code)}/>`;
        break;
      }
      case 'hi':
        out += `<mrk id="${ids.take(`m${index + 1}`)}"${xliff2MrkAttributes(code.attrs?.['type'])}>`;
        openMrk++;
        break;
      case '/hi':
        if (partner !== undefined) {
          out += '</mrk>';
          openMrk--;
        }
        break;
    }
  }
  return out + '</mrk>'.repeat(openMrk);
}
