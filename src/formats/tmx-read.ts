import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { codeKind, FlatText } from './flat-text.js';
import { type InlineCode, tmxStartTag, type UnitMeta, type UnitNote, type UnitProp } from './inline-codes.js';
import { type LanguageChoice, LanguagesSeen, langOfTag, storedTag, tagSides } from './lang-choice.js';
import { escapeXml } from './xml-escape.js';
import { type ByteChunks, decodeXmlBytes, parseXmlStream } from './xml-safety.js';

export { langOfTag };

/**
 * A zh–en unit read from an interchange file (TMX, XLIFF, TSV), before the TM normalises it; the TM
 * takes units of this shape from any source (TmUnitInput).
 */
export interface ImportedUnit {
  zh: string;
  en: string;
  /** Language tags as written (zh-CN, zh-TW, en-GB …); defaults zh-CN / en-US, Traditional from the text. */
  zhLang?: string;
  enLang?: string;
  /** Name of the document the pair came from, when it differs from the imported file (TMX `x-document`). */
  document?: string;
  /** 0-based position of the pair in its document. */
  position?: number;
  /** Alignment confidence in [0, 1]. */
  confidence?: number;
  createdAt?: Date;
  changedAt?: Date;
  /** Each side's inline codes, at offsets of its (untrimmed) text; absent when it has none. */
  zhCodes?: InlineCode[];
  enCodes?: InlineCode[];
  /** The unit's ids, dates as given, props and notes (TMX), or its notes (XLIFF); absent when it has none. */
  meta?: UnitMeta;
}

/** How a reader decodes its bytes, and which language tags are the Chinese and English sides. */
export interface ReadOptions extends LanguageChoice {
  /** The file's encoding, as the user gave it; else the format's own rule (BOM, declaration, detection). */
  encoding?: EncodingName;
}

/** The `<prop>` types bitext writes on export and reads back, so a TMX round trip keeps them. */
export const TMX_PROPS = {
  document: 'x-document',
  position: 'x-position',
  confidence: 'x-confidence',
} as const;

// Inline codes whose content is the native markup of the original file, not text (TMX 1.4 §3.7).
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);
// Elements that may stand inside a code's content (TMX 1.4 DTD), kept in its markup.
const CONTENT_ELEMENTS = new Set(['sub', 'bpt', 'ept', 'it', 'ph', 'hi', 'ut']);

/**
 * Streams the zh–en units of a TMX 1.1–1.4b file. The language attribute may be `xml:lang` (1.4) or
 * `lang` (1.1–1.3); the first zh and the first en variant of a `<tu>` make the unit (which tags are
 * zh and en: ReadOptions). Units lacking either language come out with that side empty (the store
 * counts them as skipped); a file with no zh or no en variant at all is refused, naming the
 * languages it has (TMX_LANGUAGES), as XLIFF's are. Inline codes are left out of the text
 * (FlatText: no glued words, no double spaces), `<hi>` keeps its text, and `<sub>`, which sits in a
 * code, is a text of its own, not the segment's. The codes themselves are kept beside the text, at
 * its offsets (InlineCode), and so are the `<tu>`'s ids, dates as given, props and notes (UnitMeta).
 */
export function readTmx(
  bytes: ByteChunks,
  file: string,
  options: ReadOptions = {},
): AsyncGenerator<ImportedUnit> {
  return parseXmlStream<ImportedUnit>(decodeXmlBytes(bytes, file, options.encoding), file, (emit) => {
    let sawRoot = false;
    let unit: ImportedUnit | undefined;
    let meta: UnitMeta = {};
    let tuvLang: string | undefined;
    let tuvSide: 'zh' | 'en' | undefined;
    // The props and notes of the <tuv> being read: kept if its segment becomes a side of the unit.
    const tuvProps: UnitProp[] = [];
    const tuvNotes: UnitNote[] = [];
    let propType: string | undefined;
    let propText = '';
    let noteText: string | undefined;
    let seg: FlatText | undefined;
    // Made only for a segment that has codes: most have none, and the reader runs per unit.
    let segCodes: InlineCode[] | undefined;
    let codeDepth = 0;
    let subDepth = 0;
    let code = {
      content: '',
      markup: '',
      type: undefined as string | undefined,
      item: undefined as InlineCode | undefined,
    };
    const seen = new LanguagesSeen();
    const sideOf = tagSides(options);
    const keepCode = (text: FlatText, item: InlineCode) => {
      segCodes ??= [];
      segCodes.push(text.anchor(item));
    };
    return {
      open(tag) {
        if (!sawRoot) {
          sawRoot = true;
          if (tag.name !== 'tmx')
            throw new BitextError('TMX_NOT_TMX', `expected a <tmx> root element, found <${tag.name}>`, {
              file,
            });
        }
        const attr = tag.attributes;
        if (codeDepth > 0 && CONTENT_ELEMENTS.has(tag.name)) code.markup += tmxStartTag(tag.name, attr);
        if (tag.name === 'tu') {
          unit = { zh: '', en: '' };
          meta = {};
          if (attr['creationdate']) unit.createdAt = parseTmxDate(attr['creationdate']);
          if (attr['changedate']) unit.changedAt = parseTmxDate(attr['changedate']);
          if (attr['tuid'] !== undefined) meta.tuid = attr['tuid'];
          if (attr['creationid'] !== undefined) meta.creationId = attr['creationid'];
          if (attr['changeid'] !== undefined) meta.changeId = attr['changeid'];
          if (attr['creationdate'] !== undefined) meta.creationDate = attr['creationdate'];
          if (attr['changedate'] !== undefined) meta.changeDate = attr['changedate'];
        } else if (tag.name === 'tuv') {
          tuvLang = attr['xml:lang'] ?? attr['lang'];
          tuvSide = sideOf(tuvLang);
          // Emptied, not replaced: keepTuvMeta copies their items.
          tuvProps.length = 0;
          tuvNotes.length = 0;
        } else if (tag.name === 'seg') {
          seg = new FlatText();
          segCodes = undefined;
        } else if (tag.name === 'prop' && unit) {
          propType = attr['type'];
          propText = '';
        } else if (tag.name === 'note' && unit) {
          noteText = '';
        } else if (seg !== undefined && CODE_ELEMENTS.has(tag.name)) {
          if (codeDepth++ === 0)
            code = { content: '', markup: '', type: attr['type'], item: inlineCode(tag.name, attr) };
        } else if (seg !== undefined && tag.name === 'sub') {
          subDepth++;
        } else if (seg !== undefined && tag.name === 'hi' && codeDepth === 0) {
          keepCode(seg, inlineCode('hi', attr));
        }
      },
      text(text) {
        if (seg !== undefined && codeDepth === 0) seg.append(text);
        else if (seg !== undefined) {
          code.markup += escapeXml(text);
          if (subDepth === 0) code.content += text;
        } else if (propType !== undefined) propText += text;
        else if (noteText !== undefined) noteText += text;
      },
      close(tag) {
        if (
          codeDepth > 0 &&
          CONTENT_ELEMENTS.has(tag.name) &&
          !(codeDepth === 1 && CODE_ELEMENTS.has(tag.name))
        )
          code.markup += `</${tag.name}>`;
        if (tag.name === 'seg' && unit && seg !== undefined) {
          const lang = tuvSide;
          seen.add(tuvLang, lang);
          const text = seg.finish();
          if (lang === 'zh' && !unit.zh) {
            unit.zh = text;
            if (tuvLang !== undefined) unit.zhLang = storedTag(tuvLang, 'zh');
            if (segCodes) unit.zhCodes = segCodes;
            keepTuvMeta(meta, tuvProps, tuvNotes, lang);
          } else if (lang === 'en' && !unit.en) {
            unit.en = text;
            if (tuvLang !== undefined) unit.enLang = storedTag(tuvLang, 'en');
            if (segCodes) unit.enCodes = segCodes;
            keepTuvMeta(meta, tuvProps, tuvNotes, lang);
          }
          seg = undefined;
        } else if (tag.name === 'tuv') {
          tuvLang = undefined;
          tuvSide = undefined;
        } else if (tag.name === 'prop' && unit && propType !== undefined) {
          if (tuvLang === undefined) {
            if (!applyProp(unit, propType, propText.trim()))
              meta.props = [...(meta.props ?? []), { type: propType, value: propText }];
          } else tuvProps.push({ type: propType, value: propText });
          propType = undefined;
        } else if (tag.name === 'note' && unit && noteText !== undefined) {
          if (tuvLang === undefined) meta.notes = [...(meta.notes ?? []), { text: noteText }];
          else tuvNotes.push({ text: noteText });
          noteText = undefined;
        } else if (tag.name === 'tu' && unit) {
          if (Object.keys(meta).length > 0) unit.meta = meta;
          emit(unit);
          unit = undefined;
        } else if (tag.name === 'sub' && subDepth > 0) {
          subDepth--;
        } else if (seg !== undefined && tag.name === 'hi' && codeDepth === 0) {
          keepCode(seg, { tag: '/hi', at: 0 });
        } else if (CODE_ELEMENTS.has(tag.name) && codeDepth > 0) {
          if (--codeDepth === 0 && seg !== undefined) {
            seg.gap(codeKind(code.content, code.type));
            const item = code.item!;
            if (code.markup !== '') item.content = code.markup;
            keepCode(seg, item);
          }
        } else if (tag.name === 'tmx' && seen.lacksASide) {
          // Every variant was read and zh or en never came: the units so far are not imported either
          // (the store's import is all or nothing).
          throw seen.error('TMX_LANGUAGES', file);
        }
      },
    };
  });
}

/** The props and notes of a <tuv> whose segment became the unit's `side`. */
function keepTuvMeta(meta: UnitMeta, props: UnitProp[], notes: UnitNote[], side: 'zh' | 'en'): void {
  for (const p of props) meta.props = [...(meta.props ?? []), { ...p, side }];
  for (const n of notes) meta.notes = [...(meta.notes ?? []), { ...n, side }];
}

/** A code or `<hi>` as read, with its attributes when it has any; FlatText.anchor sets `at`. */
function inlineCode(tag: string, attrs: Record<string, string>): InlineCode {
  const item: InlineCode = { tag: tag as InlineCode['tag'], at: 0 };
  if (Object.keys(attrs).length > 0) item.attrs = { ...attrs };
  return item;
}

/** Reads one of bitext's own props into its field; false when the prop is another (kept in meta). */
function applyProp(unit: ImportedUnit, type: string, value: string): boolean {
  if (type === TMX_PROPS.document) {
    if (value) unit.document = value;
  } else if (type === TMX_PROPS.position) {
    if (/^\d+$/.test(value)) unit.position = Number(value);
  } else if (type === TMX_PROPS.confidence) {
    if (value !== '' && Number.isFinite(Number(value))) unit.confidence = Number(value);
  } else return false;
  return true;
}

/** TMX dates are `YYYYMMDDThhmmssZ`; anything else is ignored (undefined), as CAT tools write loosely. */
export function parseTmxDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
