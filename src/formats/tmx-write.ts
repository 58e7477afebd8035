import { VERSION } from '../version.js';
import { type InlineCode, tmxSegContent } from './inline-codes.js';
import { escapeXml } from './xml-escape.js';

/** A translation unit as TMX writes it: one segment per language, plus optional properties. */
export interface TmxUnit {
  /**
   * Language code → segment text, in the order they are written (source first), with the segment's
   * inline codes at their offsets and the `<tuv>`'s own props and notes.
   */
  segments: ReadonlyArray<{
    lang: string;
    text: string;
    codes?: readonly InlineCode[];
    props?: ReadonlyArray<{ type: string; value: string }>;
    notes?: readonly string[];
  }>;
  /** Written as `<prop type="…">`; TMX 1.4 leaves the types to the tool (`x-` prefix by convention). */
  props?: ReadonlyArray<{ type: string; value: string }>;
  notes?: readonly string[];
  tuid?: string;
  creationId?: string;
  changeId?: string;
  /** A Date is written in TMX's form; a string as it is (a date kept as another tool wrote it). */
  creationDate?: Date | string;
  changeDate?: Date | string;
}

export interface TmxHeaderOptions {
  /** Source language of the units, e.g. `zh-CN` (or `*all*`). */
  srcLang: string;
  segType?: 'sentence' | 'paragraph' | 'phrase' | 'block';
  adminLang?: string;
  creationDate?: Date;
  /** Header-level properties, e.g. the source document. */
  props?: ReadonlyArray<{ type: string; value: string }>;
}

/** TMX dates are `YYYYMMDDThhmmssZ` (TMX 1.4 §3.1, ISO 8601 basic format, UTC). */
export function tmxDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function tmxHeader(options: TmxHeaderOptions): string {
  const attributes = [
    ['creationtool', 'bitext'],
    ['creationtoolversion', VERSION],
    ['segtype', options.segType ?? 'sentence'],
    ['o-tmf', 'bitext'],
    ['adminlang', options.adminLang ?? 'en-US'],
    ['srclang', options.srcLang],
    ['datatype', 'plaintext'],
    ['creationdate', tmxDate(options.creationDate ?? new Date())],
  ]
    .map(([name, value]) => `${name}="${escapeXml(value!)}"`)
    .join(' ');
  const props = (options.props ?? []).map((p) => `\n    ${propXml(p)}`).join('');
  const header = props ? `<header ${attributes}>${props}\n  </header>` : `<header ${attributes}/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  ${header}\n  <body>\n`;
}

export function tmxUnit(unit: TmxUnit): string {
  const attributes: string[] = [];
  if (unit.tuid !== undefined) attributes.push(`tuid="${escapeXml(unit.tuid)}"`);
  if (unit.creationDate !== undefined) attributes.push(`creationdate="${dateXml(unit.creationDate)}"`);
  if (unit.creationId !== undefined) attributes.push(`creationid="${escapeXml(unit.creationId)}"`);
  if (unit.changeDate !== undefined) attributes.push(`changedate="${dateXml(unit.changeDate)}"`);
  if (unit.changeId !== undefined) attributes.push(`changeid="${escapeXml(unit.changeId)}"`);
  const open = attributes.length ? `<tu ${attributes.join(' ')}>` : '<tu>';
  // TMX 1.4: notes and props come before the variants, in <tu> and in <tuv> alike.
  const head = (indent: string, notes?: readonly string[], props?: TmxUnit['props']) =>
    (notes ?? []).map((n) => `${indent}<note>${escapeXml(n)}</note>`).join('') +
    (props ?? []).map((p) => `${indent}${propXml(p)}`).join('');
  const tuvs = unit.segments
    .map((s) => {
      const inner = head('\n        ', s.notes, s.props);
      const seg = `<seg>${tmxSegContent(s.text, s.codes)}</seg>`;
      return `\n      <tuv xml:lang="${escapeXml(s.lang)}">${inner ? `${inner}\n        ${seg}\n      ` : seg}</tuv>`;
    })
    .join('');
  return `    ${open}${head('\n      ', unit.notes, unit.props)}${tuvs}\n    </tu>\n`;
}

export function tmxFooter(): string {
  return '  </body>\n</tmx>\n';
}

/** A whole TMX 1.4 document (valid against the TMX 1.4 DTD). For large exports, stream tmxHeader/tmxUnit/tmxFooter. */
export function writeTmx(units: Iterable<TmxUnit>, options: TmxHeaderOptions): string {
  let out = tmxHeader(options);
  for (const unit of units) out += tmxUnit(unit);
  return out + tmxFooter();
}

function dateXml(date: Date | string): string {
  return typeof date === 'string' ? escapeXml(date) : tmxDate(date);
}

function propXml(prop: { type: string; value: string }): string {
  return `<prop type="${escapeXml(prop.type)}">${escapeXml(prop.value)}</prop>`;
}
