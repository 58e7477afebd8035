import type { InlineCode } from './inline-codes.js';

/**
 * One model of inline codes for every TM format: TMX 1.4's (InlineCode), which has the most kinds.
 * The XLIFF readers map their codes onto it and the writers map it onto their own markup, so a unit
 * comes back in the markup of the format it is exported to, whatever it was imported from:
 *
 * | model (TMX)           | XLIFF 1.2                                  | XLIFF 2.0                                        |
 * | --------------------- | ------------------------------------------ | ------------------------------------------------ |
 * | `ph` (and `ut`)       | `<ph>` with native code, else `<x/>`       | `<ph/>`, native code in `<originalData>`          |
 * | `bpt`…`ept`, nested   | `<g>…</g>` when neither has native code,    | `<pc>…</pc>` (`dataRefStart`/`dataRefEnd`)        |
 * |                       | else `<bpt>`…`<ept>`                        |                                                  |
 * | `bpt`…`ept`, crossing | `<bpt>`…`<ept>`, or `<bx/>`…`<ex/>`        | `<sc/>`…`<ec startRef/>`                          |
 * | `it`, lone bpt/ept    | `<it pos="open/close">`                     | `<sc isolated="yes"/>`, `<ec isolated="yes"/>`    |
 * | `hi`                  | `<mrk mtype>`                              | `<mrk type>` (`translate="no"` for `protected`)   |
 *
 * Ids: TMX's `x` (which code of the other language this one is) is XLIFF's `id`, and `i` (which
 * bpt an ept closes) is 1.2's `rid` or `id` and 2.0's `startRef`; a reader sets both from the
 * element's id, so a pair stays a pair and a code keeps its partner in the other language. Types:
 * TMX `type` ↔ 1.2 `ctype` (`ulined` ↔ `underlined`; a type 1.2 does not list gets `x-`) ↔ 2.0
 * `type`/`subType` (`bold` ↔ `fmt`/`xlf:b`, `lb` ↔ `fmt`/`xlf:lb`…; a type 2.0 cannot say is left out).
 * Native code: TMX and 1.2 carry it in the element (with its `<sub>` text), 2.0 in `<data>` (the
 * `<sub>` text inline, as 2.0 has no `<sub>`). What a format has no place for is not written; the
 * plain text never changes.
 */

/**
 * The model code (without its native code, which the reader adds) that an XLIFF 1.2 code element
 * (`x`, `ph`, `bx`, `ex`, `bpt`, `ept`, `it`, `g`) or 2.0 one (`ph`, `sc`, `ec`, `pc`) stands for.
 */
export function codeOfElement(name: string, attr: Record<string, string>, version2: boolean): InlineCode {
  const id = attr['id'];
  const pair = attr['rid'] ?? id;
  const type = version2 ? typeOfXliff2(attr['type'], attr['subType']) : typeOfCtype(attr['ctype']);
  const isolated = attr['isolated'] === 'yes';
  const [tag, attrs]: [InlineCode['tag'], Record<string, string | undefined>] =
    name === 'x' || name === 'ph'
      ? ['ph', { x: id, type }]
      : name === 'it' || ((name === 'sc' || name === 'ec') && isolated)
        ? ['it', { pos: attr['pos'] === 'close' || name === 'ec' ? 'end' : 'begin', x: id, type }]
        : name === 'ec'
          ? ['ept', { i: attr['startRef'] }]
          : name === 'ex' || name === 'ept'
            ? ['ept', { i: pair }]
            : ['bpt', { i: pair, x: id, type }];
  const item: InlineCode = { tag, at: 0 };
  const given = Object.entries(attrs).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (given.length > 0) item.attrs = Object.fromEntries(given);
  return item;
}

/** The types TMX 1.4 names for its codes (§3.7); anything else is the tool's own. */
const TMX_TYPES = new Set([
  'bold',
  'color',
  'dulined',
  'font',
  'italic',
  'link',
  'scap',
  'struct',
  'ulined',
  'index',
  'date',
  'time',
  'fnote',
  'enote',
  'alt',
  'image',
  'pb',
  'lb',
  'cb',
  'inset',
]);

/** XLIFF 1.2 `ctype` values for paired codes (g, bx, bpt, it) and for placeholders (x, ph). */
const CTYPE_DELIMITERS = new Set(['bold', 'italic', 'underlined', 'link']);
const CTYPE_PLACEHOLDERS = new Set(['image', 'pb', 'lb']);

/** A model type from an XLIFF 1.2 `ctype`. */
export function typeOfCtype(ctype: string | undefined): string | undefined {
  if (ctype === undefined) return undefined;
  if (ctype === 'underlined') return 'ulined';
  const own = /^x-(.+)$/.exec(ctype)?.[1];
  return own !== undefined && TMX_TYPES.has(own) ? own : ctype;
}

/** An XLIFF 1.2 `ctype` for a model type, on a paired code or a placeholder. */
export function ctypeOf(type: string | undefined, placeholder: boolean): string | undefined {
  if (type === undefined) return undefined;
  const ctype = type === 'ulined' ? 'underlined' : type;
  return (placeholder ? CTYPE_PLACEHOLDERS : CTYPE_DELIMITERS).has(ctype) || ctype.startsWith('x-')
    ? ctype
    : `x-${ctype}`;
}

// XLIFF 2.0 §4.3.1.42 subType values of the xlf: prefix, and the model type each stands for.
const SUBTYPES: Record<string, string> = {
  'xlf:lb': 'lb',
  'xlf:pb': 'pb',
  'xlf:b': 'bold',
  'xlf:i': 'italic',
  'xlf:u': 'ulined',
};
const SUBTYPE_OF = Object.fromEntries(Object.entries(SUBTYPES).map(([sub, type]) => [type, sub]));

/** A model type from XLIFF 2.0's `type` and `subType`. */
export function typeOfXliff2(type: string | undefined, subType: string | undefined): string | undefined {
  if (subType !== undefined && SUBTYPES[subType] !== undefined) return SUBTYPES[subType];
  return type === 'link' || type === 'image' ? type : undefined;
}

/** XLIFF 2.0's `type` and `subType` attributes for a model type, as markup (with a leading space). */
export function xliff2TypeAttributes(type: string | undefined): string {
  if (type === undefined) return '';
  const subType = SUBTYPE_OF[type];
  if (subType !== undefined) return ` type="fmt" subType="${subType}"`;
  return type === 'link' || type === 'image' ? ` type="${type}"` : '';
}

/** XLIFF 1.2 `mtype` values a `<mrk>` may have (besides `x-…`); `seg` is left out, it splits units. */
const MTYPES = new Set([
  'abbrev',
  'abbreviation',
  'acronym',
  'datetime',
  'formula',
  'name',
  'phrase',
  'protected',
  'symbol',
  'term',
]);

/** The `hi` type of an XLIFF 1.2 `<mrk mtype>` (`x-hi` is what bitext writes for a `hi` without one). */
export function hiTypeOfMtype(mtype: string | undefined): string | undefined {
  return mtype === undefined || mtype === 'x-hi' ? undefined : mtype;
}

export function mtypeOf(type: string | undefined): string {
  if (type === undefined) return 'x-hi';
  return MTYPES.has(type) || type.startsWith('x-') ? type : `x-${type}`;
}

/** The `hi` type of an XLIFF 2.0 `<mrk>`: its type unless generic, `protected` for translate="no". */
export function hiTypeOfXliff2(type: string | undefined, translate: string | undefined): string | undefined {
  if (type !== undefined && type !== 'generic') return type;
  return translate === 'no' ? 'protected' : undefined;
}

/** XLIFF 2.0 `<mrk>` attributes for a `hi` type (with a leading space); `comment` needs a value bitext lacks. */
export function xliff2MrkAttributes(type: string | undefined): string {
  if (type === 'term' || (type !== undefined && /^[\w.-]+:[\w.-]+$/.test(type))) return ` type="${type}"`;
  return type === 'protected' ? ' translate="no"' : '';
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

/** A code's native code from its content markup: the tags (`<sub>`) taken out, the text unescaped. */
export function nativeCode(markup: string | undefined): string {
  if (!markup) return '';
  return markup.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]!);
}

// Elements of the model that may stand in a code's content; XLIFF 1.2 keeps `<sub>`.
const CODE_IN_CONTENT = /^(?:bpt|ept|it|ph|ut)$/;

/**
 * A code's content markup as XLIFF 1.2 content: escaped native code and `<sub>` (with its datatype)
 * as they are; a code inside a `<sub>` is left out with its native code, a `<hi>` keeps its text.
 */
export function xliff12CodeContent(markup: string | undefined): string {
  if (!markup) return '';
  let out = '';
  let dropped = 0;
  for (const part of markup.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([\w:-]+)([^>]*?)(\/?)>$/.exec(part);
    if (!tag) {
      if (dropped === 0) out += part;
      continue;
    }
    const [, close, name, attributes, empty] = tag as unknown as [string, string, string, string, string];
    if (CODE_IN_CONTENT.test(name)) {
      if (!empty) dropped += close ? -1 : 1;
    } else if (name === 'sub' && dropped === 0) {
      const datatype = /\sdatatype="[^"]*"/.exec(attributes)?.[0] ?? '';
      out += close ? '</sub>' : `<sub${datatype}>`;
    }
  }
  return out;
}

/**
 * Ids for the codes of one segment (XLIFF 1.2) or unit (2.0): the one asked for when it is free and
 * an NMTOKEN, else the next free number.
 */
export class CodeIds {
  private used = new Set<string>();
  private next = 1;

  take(wanted?: string): string {
    if (wanted !== undefined && /^[\w.:-]+$/.test(wanted) && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    while (this.used.has(String(this.next))) this.next++;
    const id = String(this.next);
    this.used.add(id);
    return id;
  }
}

/** A code's id to ask for: its `x`, else its pair's `i`. */
export function wantedId(code: InlineCode): string | undefined {
  return code.attrs?.['x'] ?? code.attrs?.['i'];
}
