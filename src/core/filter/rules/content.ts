import { extractNumbers, type NumberMention } from '../../numbers/index.js';
import type { FilterRule } from '../types.js';

/**
 * Numbers that disagree: a number on one side whose value is nowhere on the other, after
 * normalisation by core/numbers (三千 = 3,000, 百分之五 = 5 percent, 二〇二一年 = 2021). Only
 * numbers written with digits, or worth 10 or more, must be matched: 一 in 一些 and "one" in "one of"
 * are words as much as numbers. Months are left out (4月 ↔ April is not a number on the en side).
 * Default: 0 unmatched numbers allowed.
 */
export const numbers: FilterRule<{ maxUnmatched: number }> = {
  name: 'numbers',
  description: 'numbers on one side (digits, or 10 and up) whose value the other side lacks (三千 = 3,000)',
  defaults: { maxUnmatched: 0 },
  check(pair, p) {
    const zh = extractNumbers(pair.zh, 'zh').filter((m) => m.kind !== 'month');
    const en = extractNumbers(pair.en, 'en').filter((m) => m.kind !== 'month');
    const missing = [
      ...unmatched(zh, en).map((m) => `${m.text} (zh)`),
      ...unmatched(en, zh).map((m) => `${m.text} (en)`),
    ];
    return {
      score: missing.length,
      pass: missing.length <= p.maxUnmatched,
      why: missing.length
        ? `no counterpart for ${missing.join(', ')}`
        : `${zh.length} zh and ${en.length} en numbers agree`,
    };
  },
};

function unmatched(side: readonly NumberMention[], other: readonly NumberMention[]): NumberMention[] {
  const values = other.map((m) => m.value);
  return side.filter(
    (m) =>
      (/\d/.test(m.text) || m.value >= 10) &&
      !values.some((v) => Math.abs(v - m.value) <= 1e-9 * Math.max(1, Math.abs(v))),
  );
}

/** Openers and their closers; a full-width opener may close half-width and back (（…) is common). */
const CLOSER_OF: Record<string, string> = {
  '(': ')',
  '（': ')',
  '[': ']',
  '［': ']',
  '{': '}',
  '｛': '}',
  '【': '】',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '〔': '〕',
};
const CLOSERS: Record<string, string> = {
  ')': ')',
  '）': ')',
  ']': ']',
  '］': ']',
  '}': '}',
  '｝': '}',
  '】': '】',
  '》': '》',
  '〉': '〉',
  '」': '」',
  '』': '』',
  '〕': '〕',
};

/** The first bracket left unbalanced in a text, or undefined. */
export function unbalancedBracket(text: string): string | undefined {
  const open: string[] = [];
  for (const ch of text) {
    const closer = CLOSER_OF[ch];
    if (closer) open.push(closer);
    else if (CLOSERS[ch]) {
      if (open.pop() !== CLOSERS[ch]) return ch;
    }
  }
  return open.length ? `${Object.keys(CLOSER_OF).find((k) => CLOSER_OF[k] === open.at(-1))}` : undefined;
}

/**
 * Unbalanced brackets on either side, full-width ones included (（）【】《》「」『』〔〕): a pair cut
 * in the middle of a parenthesis, or a misaligned one. Default: on (1 = reject), no threshold.
 */
export const brackets: FilterRule<Record<string, never>> = {
  name: 'brackets',
  description: 'a side with an unbalanced bracket, full-width ones included: （）【】《》「」『』',
  defaults: {},
  check(pair) {
    const zh = unbalancedBracket(pair.zh);
    const en = unbalancedBracket(pair.en);
    return {
      score: (zh ? 1 : 0) + (en ? 1 : 0),
      pass: !zh && !en,
      why: zh
        ? `unbalanced ${zh} on the zh side`
        : en
          ? `unbalanced ${en} on the en side`
          : 'brackets balanced',
    };
  },
};

/**
 * Signs of text decoded with the wrong encoding: U+FFFD, C1 control characters, UTF-8 read as
 * Latin-1 or Windows-1252 (Ã©, â€™, å¤§), GBK's 锟斤拷 and MSVC's 烫烫/屯屯 fill, private-use
 * characters. Default: 0 signs allowed.
 */
export const mojibake: FilterRule<{ maxSigns: number }> = {
  name: 'mojibake',
  description:
    'text decoded with the wrong encoding (U+FFFD, Ã©, â€™, 锟斤拷, control or private-use characters)',
  defaults: { maxSigns: 0 },
  check(pair, p) {
    const signs = mojibakeSigns(pair.zh) + mojibakeSigns(pair.en);
    return {
      score: signs,
      pass: signs <= p.maxSigns,
      why: signs ? `${signs} signs of a wrong decoding` : 'clean',
    };
  },
};

const MOJIBAKE =
  /\uFFFD|[\u0080-\u009F]|[\uE000-\uF8FF]|[ÃÂ][\u0080-\u00BF\u2018-\u201E\u2020-\u2026\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u2122]|â€|[åæçäéèïì][\u0080-\u00BF\u2018-\u201E\u2020-\u2026\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u2122]|锟斤拷|烫烫|屯屯/g;

export function mojibakeSigns(text: string): number {
  return text.match(MOJIBAKE)?.length ?? 0;
}
