import { detectScript } from '../core/lexicon/script.js';
import type { Script } from '../core/types.js';

/**
 * Language tags as the TM stores them. Files spell them many ways (zh-CN, zh_CN, ZH-CN, zh-Hans,
 * zh-Hans-CN): every Simplified spelling is read as one tag, zh-CN. Traditional tags keep their region
 * (zh-TW, zh-HK, zh-MO; zh-Hant when none), because they are a different written standard and are
 * never merged into Simplified. A bare `zh` takes its script from the text.
 */
export function canonicalZhTag(tag: string | undefined, text: string): { tag: string; script: Script } {
  // Imports repeat one tag a million times: remember the answer for tags that decide the script.
  const known = tag === undefined ? undefined : zhTags.get(tag);
  if (known) return known;
  const result = readZhTag(tag, text);
  if (tag !== undefined && result.decidedByTag && zhTags.size < 1000) zhTags.set(tag, result);
  return result;
}

const zhTags = new Map<string, { tag: string; script: Script }>();

function readZhTag(
  tag: string | undefined,
  text: string,
): { tag: string; script: Script; decidedByTag: boolean } {
  const parts = (tag ?? 'zh')
    .replace(/_/g, '-')
    .toLowerCase()
    .split('-')
    .filter((p) => p !== 'zh');
  const script = parts.includes('hant')
    ? 'traditional'
    : parts.includes('hans')
      ? 'simplified'
      : parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')
        ? 'traditional'
        : parts.some((p) => p === 'cn' || p === 'sg' || p === 'my')
          ? 'simplified'
          : undefined;
  const decidedByTag = script !== undefined;
  const resolved = script ?? detectScript(text);
  if (resolved === 'simplified') return { tag: 'zh-CN', script: resolved, decidedByTag };
  const region = parts.find((p) => p.length === 2 && p !== 'zh');
  return { tag: region ? `zh-${region.toUpperCase()}` : 'zh-Hant', script: resolved, decidedByTag };
}

/** English tags in canonical casing (en-us → en-US); a missing tag is en-US, as TMX writers expect. */
export function canonicalEnTag(tag: string | undefined): string {
  if (!tag) return 'en-US';
  if (tag === 'en-US' || tag === 'en-GB' || tag === 'en') return tag;
  const [language, ...rest] = tag.replace(/_/g, '-').split('-');
  return [language!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}
