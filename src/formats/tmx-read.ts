import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { type ByteChunks, decodeXmlBytes, parseXmlStream } from './xml-safety.js';

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

/** How a reader decodes its bytes. */
export interface ReadOptions {
  /** The file's encoding, as the user gave it; else the format's own rule (BOM, declaration, detection). */
  encoding?: EncodingName;
}

/** The `<prop>` types bitext writes on export and reads back, so a TMX round trip keeps them. */
export const TMX_PROPS = {
  document: 'x-document',
  position: 'x-position',
  confidence: 'x-confidence',
} as const;

/** Which of the two languages a tag names (zh, zh-CN, zh_TW, ZH-Hant, en-GB …), or undefined. */
export function langOfTag(tag: string | undefined): 'zh' | 'en' | undefined {
  if (tag === undefined) return undefined;
  // A file repeats a handful of tags a million times: remember them (a bounded few).
  let lang = knownTags.get(tag);
  if (lang === undefined) {
    const language = tag.split(/[-_]/)[0]?.toLowerCase();
    lang = language === 'zh' || language === 'en' ? language : null;
    if (knownTags.size < 1000) knownTags.set(tag, lang);
  }
  return lang ?? undefined;
}

const knownTags = new Map<string, 'zh' | 'en' | null>();

// Inline codes whose content is the native markup of the original file, not text (TMX 1.4 §3.7).
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);

/**
 * Streams the zh–en units of a TMX 1.1–1.4b file. The language attribute may be `xml:lang` (1.4) or
 * `lang` (1.1–1.3); the first zh and the first en variant of a `<tu>` make the unit. Units lacking
 * either language come out with that side empty (the store counts them as skipped).
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
    let seg: string | undefined;
    let codeDepth = 0;
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
          seg = '';
        } else if (tag.name === 'prop' && unit && tuvLang === undefined) {
          propType = attr['type'];
          propText = '';
        } else if (seg !== undefined && CODE_ELEMENTS.has(tag.name)) {
          codeDepth++;
        }
      },
      text(text) {
        if (seg !== undefined && codeDepth === 0) seg += text;
        else if (propType !== undefined) propText += text;
      },
      close(tag) {
        if (tag.name === 'seg' && unit && seg !== undefined) {
          const lang = langOfTag(tuvLang);
          if (lang === 'zh' && !unit.zh) {
            unit.zh = seg;
            unit.zhLang = tuvLang;
          } else if (lang === 'en' && !unit.en) {
            unit.en = seg;
            unit.enLang = tuvLang;
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
        } else if (CODE_ELEMENTS.has(tag.name) && codeDepth > 0) {
          codeDepth--;
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
