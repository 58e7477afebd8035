import type { Lang } from '../types.js';
import { toAsciiDigits } from './chinese-numerals.js';
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
  if (lang === 'en') return extractEnglishNumbersAndDates(text).numbers;
  const numbers = extractChineseNumbers(text);
  return DIGITS_DATE.test(toAsciiDigits(text)) ? asNumericDates(numbers, extractDates(text, 'zh')) : numbers;
}

/** Where a date in digits (2021-04-15, 2021/4/15, 2021.04.15) may be: the others need no date search. */
const DIGITS_DATE = /\d{4}[-/.]\d{1,2}[-/.]\d/;
/** A date's text (extractDates read it as one) in its digits; the separators are one character each. */
const DIGITS_DATE_PARTS = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/**
 * The numbers of a date in digits as its year, month and day, as 2021年4月15日's are, instead of
 * what they look like alone (a count, a two-digit year as in 1997-98, a fraction 2021/4).
 */
function asNumericDates(numbers: NumberMention[], dates: readonly DateMention[]): NumberMention[] {
  const parts: NumberMention[] = [];
  const spans: DateMention[] = [];
  for (const date of dates) {
    // Full-width digits and separators (２０２１－０４－１５) are read as ASCII, one for one.
    const digits = DIGITS_DATE_PARTS.exec(toAsciiDigits(date.text));
    if (!digits) continue;
    spans.push(date);
    const [, year = '', month = '', day = ''] = digits;
    const part = (written: string, offset: number, kind: 'year' | 'month' | 'day'): NumberMention => ({
      value: Number(written),
      text: date.text.slice(offset, offset + written.length),
      start: date.start + offset,
      end: date.start + offset + written.length,
      kind,
    });
    parts.push(
      part(year, 0, 'year'),
      part(month, year.length + 1, 'month'),
      part(day, year.length + month.length + 2, 'day'),
    );
  }
  if (spans.length === 0) return numbers;
  const overlaps = (m: NumberMention) => spans.some((d) => m.start < d.end && d.start < m.end);
  return [...numbers.filter((m) => !overlaps(m)), ...parts].sort((a, b) => a.start - b.start);
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
  const mentions = extractEnglishNumbers(text);
  const numbers = (DIGITS_DATE.test(text) ? asNumericDates(mentions, dates) : mentions).map(
    (mention): NumberMention => {
      const date = dates.find((d) => d.start <= mention.start && mention.end <= d.end);
      if (!date || (mention.kind !== 'cardinal' && mention.kind !== 'ordinal' && mention.kind !== 'year')) {
        return mention;
      }
      if (date.year === mention.value && /^\d{4}$/.test(mention.text)) return { ...mention, kind: 'year' };
      if (date.day === mention.value) return { ...mention, kind: 'day' };
      return mention;
    },
  );
  return { numbers, dates };
}
