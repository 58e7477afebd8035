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

/** A segment's content in TMX markup: the text escaped, each code put back at its offset. */
export function tmxSegContent(text: string, codes: readonly InlineCode[] | undefined): string {
  if (!codes || codes.length === 0) return escapeXml(text);
  let out = '';
  let from = 0;
  // Stable by offset: codes at one offset keep their order; an offset past the end (a text edited
  // since) is taken as the end.
  const ordered = codes
    .map((code, index) => ({ code, index, at: Math.min(Math.max(code.at, 0), text.length) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  let openHi = 0;
  for (const { code, at } of ordered) {
    if (at > from) out += escapeXml(text.slice(from, at));
    from = Math.max(from, at);
    out += escapeXml(code.spaceBefore ?? '');
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
    out += escapeXml(code.spaceAfter ?? '');
    if (code.textSpace && text[from] === ' ') from++;
  }
  out += escapeXml(text.slice(from));
  return out + '</hi>'.repeat(openHi);
}
