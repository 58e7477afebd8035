import { escapeXml } from './xml-escape.js';

/**
 * An inline code of a segment (TMX `bpt`, `ept`, `it`, `ph`, `ut`, and the two ends of `hi`), kept
 * beside the plain text the TM matches on: `at` is the UTF-16 offset in that text where the code
 * stood. Codes are listed in document order, so codes at one offset keep their order and `hi` pairs
 * nest as they did.
 */
export interface InlineCode {
  /** The element; `hi` opens a highlighted run of text and `/hi` closes it. */
  tag: 'bpt' | 'ept' | 'it' | 'ph' | 'ut' | 'hi' | '/hi';
  at: number;
  /** The element's attributes as written (`i`, `x`, `type`, `pos`, `assoc`…). */
  attrs?: Record<string, string>;
  /**
   * The element's content as TMX markup: the native code escaped (`&lt;b&gt;`), a `<sub>` as written.
   * Markup rather than the bare native code because a `<sub>` holds translatable text of its own.
   */
  content?: string;
  /**
   * White space that stood next to the code in the segment and that the plain text left out (two
   * spaces around a code are kept once; none is kept at either end or before closing punctuation):
   * written back around the code, so the segment comes back as it was.
   */
  spaceBefore?: string;
  spaceAfter?: string;
  /** The space after `at` in the text was put there for the code (a tab or line break between words). */
  textSpace?: boolean;
}

/** A `<prop>` or `<note>` of a unit; `side` when it stood in the zh or en `<tuv>` rather than the `<tu>`. */
export interface UnitProp {
  type: string;
  value: string;
  side?: 'zh' | 'en';
}
export interface UnitNote {
  text: string;
  side?: 'zh' | 'en';
}

/**
 * What a TMX `<tu>` said about itself beyond its text, kept so that an export gives it back: the ids
 * and dates as given (a date bitext cannot parse is kept as text too), and the props and notes other
 * than bitext's own (x-document, x-position, x-confidence, which are columns of the TM).
 */
export interface UnitMeta {
  tuid?: string;
  creationId?: string;
  changeId?: string;
  creationDate?: string;
  changeDate?: string;
  props?: UnitProp[];
  notes?: UnitNote[];
  /**
   * The unit came from a format with no unit dates (XLIFF): a TMX export writes the TM's dates, as
   * for a unit without metadata, rather than none, as for a TMX unit that gave none.
   */
  undated?: true;
}

/**
 * The attributes the TMX 1.4 DTD allows on each inline element: a TMX 1.1–1.3 file or a tool's own
 * attribute must not make the export invalid, so others are read and kept but not written.
 */
const TMX_ATTRIBUTES: Record<string, readonly string[]> = {
  bpt: ['i', 'x', 'type'],
  ept: ['i'],
  it: ['pos', 'x', 'type'],
  ph: ['x', 'assoc', 'type'],
  ut: ['x'],
  hi: ['x', 'type'],
  sub: ['datatype', 'type'],
};

/** Required by the DTD; a file that left them out gets a neutral value, so the export stays valid. */
const TMX_REQUIRED: Record<string, Record<string, string>> = {
  bpt: { i: '1' },
  ept: { i: '1' },
  it: { pos: 'begin' },
};

/** An inline element's start tag, with the attributes TMX 1.4 allows on it. */
export function tmxStartTag(name: string, attrs: Record<string, string> | undefined): string {
  let out = `<${name}`;
  const allowed = TMX_ATTRIBUTES[name] ?? [];
  const values = { ...TMX_REQUIRED[name], ...attrs };
  for (const attr of allowed) {
    const value = values[attr];
    if (value !== undefined) out += ` ${attr}="${escapeXml(value)}"`;
  }
  return `${out}>`;
}

/** A piece of a segment as a writer puts it out: text (white space the codes carry included), or a code. */
export type SegmentPiece = { text: string } | { code: InlineCode; index: number };

/**
 * A segment's text and codes in document order, for a writer of any format: each code at its offset
 * (stable: codes at one offset keep their order; an offset past the end, a text edited since, is
 * taken as the end) with the white space it carries around it, and the space that stood for it left
 * out. `index` is the code's place in `ordered`, the order pairCodes takes.
 */
export function segmentPieces(
  text: string,
  codes: readonly InlineCode[] | undefined,
): { pieces: SegmentPiece[]; ordered: InlineCode[] } {
  if (!codes || codes.length === 0) return { pieces: text ? [{ text }] : [], ordered: [] };
  const ordered = codes
    .map((code, index) => ({ code, index, at: Math.min(Math.max(code.at, 0), text.length) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const pieces: SegmentPiece[] = [];
  const addText = (piece: string | undefined) => {
    if (piece) pieces.push({ text: piece });
  };
  let from = 0;
  ordered.forEach(({ code, at }, index) => {
    if (at > from) addText(text.slice(from, at));
    from = Math.max(from, at);
    addText(code.spaceBefore);
    pieces.push({ code, index });
    addText(code.spaceAfter);
    if (code.textSpace && text[from] === ' ') from++;
  });
  addText(text.slice(from));
  return { pieces, ordered: ordered.map((o) => o.code) };
}

/** How a code of a segment pairs up (pairCodes). */
export interface CodePairing {
  /** The index of the code that opens or closes it: a bpt's ept, a hi's /hi, and back. */
  partner?: number;
  /**
   * The pair encloses its text as one element would, nested within the other pairs and `hi`s: it
   * can be written as XLIFF 1.2 `<g>` or 2.0 `<pc>` (a `hi` always nests, as its TMX element does).
   */
  nested: boolean;
}

/**
 * Pairs a segment's codes, in order: a `bpt` with the next `ept` of its `i`, a `hi` with its `/hi`.
 * A pair that crosses another (`<b><i></b></i>` in the native code) or crosses a `hi` is kept
 * paired but not nested; a `bpt` or `ept` without its partner in the segment has no partner (an
 * isolated code, as TMX's `it`).
 */
export function pairCodes(codes: readonly InlineCode[]): CodePairing[] {
  const result: CodePairing[] = codes.map(() => ({ nested: false }));
  // Open bpts and his, innermost last; a bpt that crossed a hi's end stays, as `crossed`, for its ept.
  const open: Array<{ index: number; crossed: boolean }> = [];
  const link = (a: number, b: number, nested: boolean) => {
    result[a] = { partner: b, nested };
    result[b] = { partner: a, nested };
  };
  // Whether nothing above `at` in `open` is still an element that this pair's end would cross.
  const innermost = (at: number) => open.slice(at + 1).every((entry) => entry.crossed);
  codes.forEach((code, index) => {
    if (code.tag === 'bpt' || code.tag === 'hi') open.push({ index, crossed: false });
    else if (code.tag === 'ept') {
      const i = code.attrs?.['i'];
      const at = open.findLastIndex(
        (e) => codes[e.index]!.tag === 'bpt' && codes[e.index]!.attrs?.['i'] === i,
      );
      if (at < 0) return;
      const { index: start, crossed } = open[at]!;
      link(start, index, !crossed && innermost(at));
      open.splice(at, 1);
    } else if (code.tag === '/hi') {
      const at = open.findLastIndex((e) => codes[e.index]!.tag === 'hi');
      if (at < 0) return;
      // Pairs opened inside the hi and still open cross its end: they cannot be elements inside it.
      for (const entry of open.slice(at + 1)) entry.crossed = true;
      link(open[at]!.index, index, true);
      open.splice(at, 1);
    }
  });
  // A hi the segment never closes is closed at its end, so it nests.
  for (const { index } of open) if (codes[index]!.tag === 'hi') result[index] = { nested: true };
  return result;
}

/** A segment's content in TMX markup: the text escaped, each code put back at its offset. */
export function tmxSegContent(text: string, codes: readonly InlineCode[] | undefined): string {
  if (!codes || codes.length === 0) return escapeXml(text);
  let out = '';
  let openHi = 0;
  for (const piece of segmentPieces(text, codes).pieces) {
    if ('text' in piece) {
      out += escapeXml(piece.text);
      continue;
    }
    const { code } = piece;
    if (code.tag === '/hi') {
      // A close without its open would break the element's nesting: left out.
      if (openHi > 0) {
        out += '</hi>';
        openHi--;
      }
    } else {
      if (code.tag === 'hi') openHi++;
      out += tmxStartTag(code.tag, code.attrs);
      if (code.tag !== 'hi') out += `${code.content ?? ''}</${code.tag}>`;
    }
  }
  return out + '</hi>'.repeat(openHi);
}
