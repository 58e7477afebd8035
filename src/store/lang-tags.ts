import { toSimplified, toTraditional } from '../core/lexicon/script.js';
import type { Script } from '../core/types.js';

/** A Chinese tag as the TM stores it, with the script it stands for. */
export interface ZhTag {
  tag: string;
  script: Script;
  /**
   * False when neither the tag nor the text tells the script (a bare or missing tag on text that
   * reads the same in both, such as 外事工作 or 2020年): `script` is then the caller's `neutral`.
   */
  decided: boolean;
}

/**
 * Language tags as the TM stores them. Files spell them many ways (zh-CN, zh_CN, ZH-CN, zh-Hans,
 * zh-Hans-CN, zh-CHS): the script comes from the tag when it tells one (Hans/Hant, a region, the old
 * CHS/CHT), else from the text. Each script keeps the regions that write it: zh-SG and zh-MY for
 * Simplified, zh-TW, zh-HK and zh-MO for Traditional; any other Simplified tag is zh-CN. Traditional
 * without a region is zh-Hant when the tag said Hant, else zh-TW, the tag most tools expect (as zh-CN
 * is for Simplified), so `tm add` of a Traditional document stores zh-TW. Never merged across
 * scripts: a Traditional tag is never read as Simplified.
 */
export function canonicalZhTag(tag: string | undefined, text: string, neutral: Script = 'simplified'): ZhTag {
  // Imports repeat one tag a million times: remember the answer for tags that decide the script.
  const known = tag === undefined ? undefined : zhTags.get(tag);
  if (known) return known;
  const parts = (tag ?? 'zh').replace(/_/g, '-').toLowerCase().split('-').slice(1);
  const byTag = scriptOfSubtags(parts);
  const script = byTag ?? scriptOfText(text);
  const result: ZhTag = {
    tag: zhTagFor(script ?? neutral, parts),
    script: script ?? neutral,
    decided: !!script,
  };
  if (tag !== undefined && byTag && zhTags.size < 1000) zhTags.set(tag, result);
  return result;
}

const zhTags = new Map<string, ZhTag>();

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);
const SIMPLIFIED_REGIONS = new Set(['cn', 'sg', 'my']);

function scriptOfSubtags(parts: string[]): Script | undefined {
  if (parts.includes('hant') || parts.includes('cht')) return 'traditional';
  if (parts.includes('hans') || parts.includes('chs')) return 'simplified';
  if (parts.some((p) => TRADITIONAL_REGIONS.has(p))) return 'traditional';
  if (parts.some((p) => SIMPLIFIED_REGIONS.has(p))) return 'simplified';
  return undefined;
}

function zhTagFor(script: Script, parts: string[]): string {
  const regions = script === 'simplified' ? SIMPLIFIED_REGIONS : TRADITIONAL_REGIONS;
  const region = parts.find((p) => regions.has(p));
  if (region) return `zh-${region.toUpperCase()}`;
  if (script === 'simplified') return 'zh-CN';
  return parts.includes('hant') ? 'zh-Hant' : 'zh-TW';
}

/**
 * Traditional when more of the text's Han characters change by simplifying than by traditionalising,
 * Simplified when fewer, undefined when as many (most often none: the text is the same in both).
 */
function scriptOfText(text: string): Script | undefined {
  const han = text.match(/\p{Script=Han}/gu)?.join('') ?? '';
  if (!han) return undefined;
  const simplified = toSimplified(han);
  const traditional = toTraditional(han);
  let bySimplifying = 0;
  let byTraditionalising = 0;
  for (let i = 0; i < han.length; i++) {
    if (simplified[i] !== han[i]) bySimplifying++;
    if (traditional[i] !== han[i]) byTraditionalising++;
  }
  if (bySimplifying === byTraditionalising) return undefined;
  return bySimplifying > byTraditionalising ? 'traditional' : 'simplified';
}

/** English tags in canonical casing (en-us → en-US); a missing tag is en-US, as TMX writers expect. */
export function canonicalEnTag(tag: string | undefined): string {
  if (!tag) return 'en-US';
  if (tag === 'en-US' || tag === 'en-GB' || tag === 'en') return tag;
  const [language, ...rest] = tag.replace(/_/g, '-').split('-');
  return [language!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}
