import { BitextError } from '../core/errors.js';

/**
 * Which language tags of a file are the Chinese and which the English side, when the user says so
 * (`tm import --zh-lang zh-Hant-HK --en-lang en-GB`). Without a choice, any zh-* tag is Chinese and
 * any en-* tag English (langOfTag).
 */
export interface LanguageChoice {
  zhLang?: string;
  enLang?: string;
}

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

const normalTag = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

/** True when `tag` is `chosen` or a more specific tag under it (en-GB under en, zh-Hant-HK under zh-Hant). */
export function tagUnder(tag: string, chosen: string): boolean {
  const t = normalTag(tag);
  const c = normalTag(chosen);
  return t === c || t.startsWith(`${c}-`);
}

/**
 * The side each tag of a file stands for under `choice` (sideOfTag), remembered per tag like
 * langOfTag's: a reader asks for every variant, a file repeats a handful of tags a million times, and
 * matching a chosen tag (tagUnder) normalises both strings each time.
 */
export function tagSides(choice: LanguageChoice = {}): (tag: string | undefined) => 'zh' | 'en' | undefined {
  if (choice.zhLang === undefined && choice.enLang === undefined) return langOfTag;
  const known = new Map<string, 'zh' | 'en' | null>();
  return (tag) => {
    if (tag === undefined) return undefined;
    let side = known.get(tag);
    if (side === undefined) {
      side = sideOfTag(tag, choice) ?? null;
      if (known.size < 1000) known.set(tag, side);
    }
    return side ?? undefined;
  };
}

/**
 * The side a tag stands for. A chosen tag decides for its side alone: with `--zh-lang zh-TW`, a
 * zh-CN variant is not read as the Chinese one (a file holding both gives its zh-TW text).
 */
function sideOfTag(tag: string, choice: LanguageChoice): 'zh' | 'en' | undefined {
  if (choice.zhLang !== undefined && tagUnder(tag, choice.zhLang)) return 'zh';
  if (choice.enLang !== undefined && tagUnder(tag, choice.enLang)) return 'en';
  const side = langOfTag(tag);
  if (side === 'zh' && choice.zhLang !== undefined) return undefined;
  if (side === 'en' && choice.enLang !== undefined) return undefined;
  return side;
}

/**
 * The tag the TM stores for a tag read as `side`: as written when it is a zh or en tag, else with its
 * language replaced (`cmn-Hant-HK` → `zh-Hant-HK`, `eng-GB` → `en-GB`), so the TM and its exports
 * only ever hold zh and en tags.
 */
export function storedTag(tag: string, side: 'zh' | 'en'): string {
  if (langOfTag(tag) === side) return tag;
  const rest = tag.replace(/_/g, '-').split('-').slice(1);
  return [side, ...rest].join('-');
}

/**
 * The distinct language tags a file uses, kept (a bounded few) so that a file with no zh–en pair can
 * be refused naming them.
 */
export class LanguagesSeen {
  private readonly tags = new Set<string>();
  private read = false;
  private zh = false;
  private en = false;

  /** A variant (tuv, langSec …) was read, with its tag as written (if any) and the side it stands for. */
  add(tag: string | undefined, side: 'zh' | 'en' | undefined): void {
    this.read = true;
    if (side === 'zh') this.zh = true;
    if (side === 'en') this.en = true;
    if (tag !== undefined && this.tags.size < 20) this.tags.add(tag);
  }

  /** Variants were read and zh or en never came among them (a file with no variants lacks nothing). */
  get lacksASide(): boolean {
    return this.read && !(this.zh && this.en);
  }

  /** The same refusal for TMX, XLIFF and TBX: what was expected, the tags found. */
  error(code: string, file: string): BitextError {
    return languagesError(code, file, [...this.tags]);
  }
}

export function languagesError(code: string, file: string, found: string[]): BitextError {
  const tags = found.filter((t) => t !== '');
  return new BitextError(
    code,
    `expected a Chinese (zh) and an English (en) language, found ${tags.length > 0 ? tags.join(', ') : 'none'}`,
    { file },
  );
}
