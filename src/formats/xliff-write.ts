import { type InlineCode, pairCodes, segmentPieces, type UnitNote } from './inline-codes.js';
import { CodeIds, ctypeOf, mtypeOf, wantedId, xliff12CodeContent } from './xliff-codes.js';
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

export interface XliffUnit {
  id: string;
  source: string;
  target: string;
  /** Each side's inline codes at offsets of its text (see xliff-codes.ts for how each is written). */
  sourceCodes?: readonly InlineCode[];
  targetCodes?: readonly InlineCode[];
  /** `<note>`s; one of a side says so with `annotates`. */
  notes?: ReadonlyArray<{ text: string; annotates?: 'source' | 'target' }>;
}

export function xliffUnit(unit: XliffUnit): string {
  const notes = (unit.notes ?? [])
    .map(
      (n) => `        <note${n.annotates ? ` annotates="${n.annotates}"` : ''}>${escapeXml(n.text)}</note>\n`,
    )
    .join('');
  return (
    `      <trans-unit id="${escapeXml(unit.id)}">\n` +
    `        <source>${xliffSegContent(unit.source, unit.sourceCodes)}</source>\n` +
    `        <target state="translated">${xliffSegContent(unit.target, unit.targetCodes)}</target>\n` +
    notes +
    '      </trans-unit>\n'
  );
}

/** A unit's notes as XLIFF notes, a side's note annotating the side (source or target) it is. */
export function notesAnnotating<T extends UnitNote>(
  notes: readonly T[] | undefined,
  sourceSide: 'zh' | 'en',
): Array<{ text: string; annotates?: 'source' | 'target' }> {
  return (notes ?? []).map((n) =>
    n.side === undefined
      ? { text: n.text }
      : { text: n.text, annotates: n.side === sourceSide ? 'source' : 'target' },
  );
}

/** A segment's text with its codes in XLIFF 1.2 markup (the mapping: xliff-codes.ts). */
export function xliffSegContent(text: string, codes: readonly InlineCode[] | undefined): string {
  if (!codes || codes.length === 0) return escapeXml(text);
  const { pieces, ordered } = segmentPieces(text, codes);
  const pairing = pairCodes(ordered);
  const ids = new CodeIds();
  // A pair's id and element, chosen at its bpt: <g> when it nests and has no native code to carry.
  const pairs = new Map<number, { id: string; element: 'g' | 'bpt' | 'bx' }>();
  let openMrk = 0;
  let out = '';
  for (const piece of pieces) {
    if ('text' in piece) {
      out += escapeXml(piece.text);
      continue;
    }
    const { code, index } = piece;
    const { partner, nested } = pairing[index]!;
    const ctype = (placeholder: boolean) => attribute('ctype', ctypeOf(code.attrs?.['type'], placeholder));
    const content = xliff12CodeContent(code.content);
    switch (code.tag) {
      case 'ph':
      case 'ut':
        out += content
          ? `<ph id="${ids.take(wantedId(code))}"${ctype(true)}>${content}</ph>`
          : `<x id="${ids.take(wantedId(code))}"${ctype(true)}/>`;
        break;
      case 'it':
        out += isolated(
          ids.take(wantedId(code)),
          code.attrs?.['pos'] === 'end' ? 'close' : 'open',
          ctype(false),
          content,
        );
        break;
      case 'bpt': {
        const id = ids.take(wantedId(code));
        if (partner === undefined) {
          out += isolated(id, 'open', ctype(false), content);
          break;
        }
        const native = content !== '' || xliff12CodeContent(ordered[partner]!.content) !== '';
        const element = native ? 'bpt' : nested ? 'g' : 'bx';
        pairs.set(partner, { id, element });
        out +=
          element === 'g'
            ? `<g id="${id}"${ctype(false)}>`
            : element === 'bpt'
              ? `<bpt id="${id}"${ctype(false)}>${content}</bpt>`
              : `<bx id="${id}"${ctype(false)}/>`;
        break;
      }
      case 'ept': {
        const pair = pairs.get(index);
        if (pair === undefined) out += isolated(ids.take(wantedId(code)), 'close', '', content);
        else if (pair.element === 'g') out += '</g>';
        else if (pair.element === 'bpt') out += `<ept id="${pair.id}">${content}</ept>`;
        else out += `<ex id="${pair.id}"/>`;
        break;
      }
      case 'hi':
        out += `<mrk mtype="${escapeXml(mtypeOf(code.attrs?.['type']))}">`;
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

function isolated(id: string, pos: 'open' | 'close', ctype: string, content: string): string {
  return `<it id="${id}" pos="${pos}"${ctype}>${content}</it>`;
}

function attribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeXml(value)}"`;
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
