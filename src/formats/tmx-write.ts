import { VERSION } from '../version.js';
import { escapeXml } from './xml-escape.js';

/** A translation unit as TMX writes it: one segment per language, plus optional properties. */
export interface TmxUnit {
  /** Language code → segment text, in the order they are written (source first). */
  segments: ReadonlyArray<{ lang: string; text: string }>;
  /** Written as `<prop type="…">`; TMX 1.4 leaves the types to the tool (`x-` prefix by convention). */
  props?: ReadonlyArray<{ type: string; value: string }>;
  tuid?: string;
  creationDate?: Date;
  changeDate?: Date;
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
  if (unit.creationDate) attributes.push(`creationdate="${tmxDate(unit.creationDate)}"`);
  if (unit.changeDate) attributes.push(`changedate="${tmxDate(unit.changeDate)}"`);
  const open = attributes.length ? `<tu ${attributes.join(' ')}>` : '<tu>';
  const props = (unit.props ?? []).map((p) => `\n      ${propXml(p)}`).join('');
  const tuvs = unit.segments
    .map((s) => `\n      <tuv xml:lang="${escapeXml(s.lang)}"><seg>${escapeXml(s.text)}</seg></tuv>`)
    .join('');
  return `    ${open}${props}${tuvs}\n    </tu>\n`;
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

function propXml(prop: { type: string; value: string }): string {
  return `<prop type="${escapeXml(prop.type)}">${escapeXml(prop.value)}</prop>`;
}
