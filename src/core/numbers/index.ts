import type { Lang } from '../types.js';
import { extractDates } from './dates.js';
import { extractChineseNumbers } from './extract-chinese.js';
import { extractEnglishNumbers } from './extract-english.js';
import type { DateMention, NumberMention } from './types.js';

export { parseChineseNumeral, toAsciiDigits } from './chinese-numerals.js';
export { ENGLISH_MONTH_NAMES, ENGLISH_WEEKDAY_NAMES, extractDates } from './dates.js';
export { parseNumberWords } from './extract-english.js';
export type { DateMention, NumberKind, NumberMention } from './types.js';

/**
 * Every number in `text`, in order, with its value after normalisation (3.5万 → 35000, 3.5 million →
 * 3500000, 百分之五 → 5 percent, 二〇二一年 → 2021 year, twenty-one → 21).
 */
export function extractNumbers(text: string, lang: Lang): NumberMention[] {
  return lang === 'zh' ? extractChineseNumbers(text) : extractEnglishNumbersAndDates(text).numbers;
}

/**
 * An English text's numbers (as extractNumbers gives them) and its dates, which that needs anyway:
 * for a caller that wants both without looking for the dates twice.
 */
export function extractEnglishNumbersAndDates(text: string): {
  numbers: NumberMention[];
  dates: DateMention[];
} {
  // Mark the numbers of English dates as their calendar part, as 4月/14日/2021年 are in Chinese.
  const dates = extractDates(text, 'en');
  const numbers = extractEnglishNumbers(text).map((mention): NumberMention => {
    const date = dates.find((d) => d.start <= mention.start && mention.end <= d.end);
    if (!date || (mention.kind !== 'cardinal' && mention.kind !== 'ordinal' && mention.kind !== 'year')) {
      return mention;
    }
    if (date.year === mention.value && /^\d{4}$/.test(mention.text)) return { ...mention, kind: 'year' };
    if (date.day === mention.value) return { ...mention, kind: 'day' };
    return mention;
  });
  return { numbers, dates };
}
