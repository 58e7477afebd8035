import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { codeKind, FlatText } from './flat-text.js';
import { type LanguageChoice, LanguagesSeen, langOfTag, sideOfTag, storedTag } from './lang-choice.js';
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

/**
 * Streams the zh–en units of a TMX 1.1–1.4b file. The language attribute may be `xml:lang` (1.4) or
 * `lang` (1.1–1.3); the first zh and the first en variant of a `<tu>` make the unit (which tags are
 * zh and en: ReadOptions). Units lacking either language come out with that side empty (the store
 * counts them as skipped); a file with no zh or no en variant at all is refused, naming the
 * languages it has (TMX_LANGUAGES), as XLIFF's are. Inline codes are left out of the text
 * (FlatText: no glued words, no double spaces), `<hi>` keeps its text, and `<sub>`, which sits in a
 * code, is a text of its own, not the segment's.
 */
export function readTmx(
  bytes: ByteChunks,
  file: string,
  options: ReadOptions = {},
): AsyncGenerator<ImportedUnit> {
  return parseXmlStream<ImportedUnit>(decodeXmlBytes(bytes, file, options.encoding), file, (emit) => {
    let sawRoot = false;
    let unit: ImportedUnit | undefined;
    let tuvLang: string | undefined;
    let propType: string | undefined;
    let propText = '';
    let seg: FlatText | undefined;
    let codeDepth = 0;
    let subDepth = 0;
    let code = { content: '', type: undefined as string | undefined };
    const seen = new LanguagesSeen();
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
        if (tag.name === 'tu') {
          unit = { zh: '', en: '' };
          if (attr['creationdate']) unit.createdAt = parseTmxDate(attr['creationdate']);
          if (attr['changedate']) unit.changedAt = parseTmxDate(attr['changedate']);
        } else if (tag.name === 'tuv') {
          tuvLang = attr['xml:lang'] ?? attr['lang'];
        } else if (tag.name === 'seg') {
          seg = new FlatText();
        } else if (tag.name === 'prop' && unit && tuvLang === undefined) {
          propType = attr['type'];
          propText = '';
        } else if (seg !== undefined && CODE_ELEMENTS.has(tag.name)) {
          if (codeDepth++ === 0) code = { content: '', type: attr['type'] };
        } else if (seg !== undefined && tag.name === 'sub') {
          subDepth++;
        }
      },
      text(text) {
        if (seg !== undefined && codeDepth === 0) seg.append(text);
        else if (seg !== undefined && subDepth === 0) code.content += text;
        else if (propType !== undefined) propText += text;
      },
      close(tag) {
        if (tag.name === 'seg' && unit && seg !== undefined) {
          const lang = sideOfTag(tuvLang, options);
          seen.add(tuvLang, lang);
          const text = seg.finish();
          if (lang === 'zh' && !unit.zh) {
            unit.zh = text;
            if (tuvLang !== undefined) unit.zhLang = storedTag(tuvLang, 'zh');
          } else if (lang === 'en' && !unit.en) {
            unit.en = text;
            if (tuvLang !== undefined) unit.enLang = storedTag(tuvLang, 'en');
          }
          seg = undefined;
        } else if (tag.name === 'tuv') {
          tuvLang = undefined;
        } else if (tag.name === 'prop' && unit && propType !== undefined) {
          applyProp(unit, propType, propText.trim());
          propType = undefined;
        } else if (tag.name === 'tu' && unit) {
          emit(unit);
          unit = undefined;
        } else if (tag.name === 'sub' && subDepth > 0) {
          subDepth--;
        } else if (CODE_ELEMENTS.has(tag.name) && codeDepth > 0) {
          if (--codeDepth === 0) seg?.gap(codeKind(code.content, code.type));
        } else if (tag.name === 'tmx' && !seen.both && seen.variants > 0) {
          // Every variant was read and zh or en never came: the units so far are not imported either
          // (the store's import is all or nothing).
          throw seen.error('TMX_LANGUAGES', file);
        }
      },
    };
  });
}

function applyProp(unit: ImportedUnit, type: string, value: string): void {
  if (type === TMX_PROPS.document && value) unit.document = value;
  if (type === TMX_PROPS.position && /^\d+$/.test(value)) unit.position = Number(value);
  if (type === TMX_PROPS.confidence && value !== '' && Number.isFinite(Number(value)))
    unit.confidence = Number(value);
}

/** TMX dates are `YYYYMMDDThhmmssZ`; anything else is ignored (undefined), as CAT tools write loosely. */
export function parseTmxDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
