import {
  CHINESE_DIGIT_CHARS,
  CHINESE_NUMERAL_CHARS,
  parseChineseNumeral,
  toAsciiDigits,
} from './chinese-numerals.js';
import type { DateMention } from './types.js';

const NUM = String.raw`(?:\d+|[${CHINESE_NUMERAL_CHARS}]+)`;
const YEAR = String.raw`(?:\d{4}|[${CHINESE_DIGIT_CHARS}]{4})`;
/** ISO weekday of the character after 星期/周/礼拜 (日 and 天 are Sunday). */
const ZH_WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/**
 * A date written all in digits, year first (ISO 8601 2021-04-15, and 2021/4/15 or 2021.04.15 as
 * Chinese datelines and forms write it), on either side. Named groups isoYear, isoMonth, isoDay.
 * Read as one date: its parts are not a year, a count and a two-digit "season" year (2021-04 once
 * read as 2004).
 */
const NUMERIC_DATE = String.raw`(?<![\w.\/-])(?<isoYear>1[5-9]\d\d|20\d\d)(?<isoSeparator>[-/.])(?<isoMonth>0?[1-9]|1[0-2])\k<isoSeparator>(?<isoDay>0?[1-9]|[12]\d|3[01])(?![\w\/-]|[.,]\d)`;

const ZH_PATTERN = new RegExp(
  [
    NUMERIC_DATE,
    `(?:(?<year>${YEAR})年)?(?<month>${NUM})月(?:(?<day>${NUM})[日号號])?`,
    `(?<yearOnly>${YEAR})年`,
    `(?<![的每])(?:星期|周|週|礼拜|禮拜)(?<weekday>[一二三四五六日天])`,
  ].join('|'),
  'g',
);

/** English month and weekday names as written, January first and Monday first. */
export const ENGLISH_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const ENGLISH_WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const MONTHS: readonly string[] = ENGLISH_MONTH_NAMES.map((name) => name.toLowerCase());
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: readonly string[] = ENGLISH_WEEKDAY_NAMES.map((name) => name.toLowerCase());

// Month names must be capitalised (may, march are also ordinary words).
const MONTH = String.raw`(?<MONTHNAME>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)`;
const DAY = String.raw`(?<DAYNUM>[0-3]?\d)(?:st|nd|rd|th)?\b`;
const EN_PATTERN = new RegExp(
  [
    NUMERIC_DATE,
    // April 14, April 14th, April 14, 2021, April 2021, October, 1999, October of 1994
    `${MONTH.replace('MONTHNAME', 'm1')}(?:\\s+${DAY.replace('DAYNUM', 'd1')}(?:,?\\s+(?<y1>\\d{4})\\b)?|(?:,?\\s+|\\s+of\\s+)(?<y2>\\d{3,4})\\b)?`,
    // 14 April, 14th of April 2021
    `\\b${DAY.replace('DAYNUM', 'd2')}\\s+(?:of\\s+)?${MONTH.replace('MONTHNAME', 'm2')}(?:,?\\s+(?<y3>\\d{4})\\b)?`,
    String.raw`\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    // '95, the 1997-98 season: two digits standing for a year
    String.raw`(?:(?<=\d{2}\d{2}[-–])|(?<=\s['’]))(?<shortYear>\d{2})(?![\w%]|[.,]\d)`,
    // A bare year: four digits not part of a larger number, an amount or a percentage.
    String.raw`(?<![\w.,$-])(?<year>1[5-9]\d\d|20\d\d|2100)(?![\w%]|[.,]\d|\s+(?:percent|million|billion|thousand)\b)`,
    // An earlier year (1368, 618) is a count as often as a year, so it is one only with an era (AD 1066,
    // 1066 AD, 221 BC) or after a preposition with nothing but punctuation or a clause word after it.
    String.raw`\b(?:AD|A\.D\.)\s?(?<eraYearBefore>\d{1,4})\b|(?<![\w.,$-])(?<eraYear>\d{1,4})\s?(?:AD|CE|BC|BCE|A\.D\.|B\.C\.)(?!\w)`,
    String.raw`(?<=\b(?:[Ii]n|[Ss]ince|[Uu]ntil|till|[Bb]y|[Ff]rom|year|around|about|circa|c\.)\s)(?<earlyYear>1[0-4]\d\d|[1-9]\d\d)(?=\s*[,.;:)]|\s*$|\s+(?:and|when|to|the|he|she|it|they|that|was|were|had|until)\b)`,
  ].join('|'),
  'g',
);

/** Calendar expressions: 2021年4月14日, 四月十四日, 2021年, 星期三/周三/礼拜三; April 14, 14 April, Wednesday; 2021-04-14 on both sides. */
export function extractDates(text: string, lang: 'zh' | 'en'): DateMention[] {
  return lang === 'zh' ? extractChineseDates(text) : extractEnglishDates(text);
}

function extractChineseDates(text: string): DateMention[] {
  const ascii = toAsciiDigits(text);
  const dates: DateMention[] = [];
  for (const match of ascii.matchAll(ZH_PATTERN)) {
    const g = match.groups!;
    const date: DateMention = { text: match[0], start: match.index, end: match.index + match[0].length };
    if (g.weekday) date.weekday = ZH_WEEKDAYS[g.weekday];
    const year = number(g.isoYear ?? g.year ?? g.yearOnly);
    const month = number(g.isoMonth ?? g.month);
    const day = number(g.isoDay ?? g.day);
    if (g.month !== undefined && !inRange(month, 1, 12)) continue;
    if (g.day !== undefined && !inRange(day, 1, 31)) continue;
    if (year !== undefined) date.year = year;
    if (month !== undefined) date.month = month;
    if (day !== undefined) date.day = day;
    date.text = text.slice(date.start, date.end);
    dates.push(date);
  }
  return dates;
}

/**
 * What every match of EN_PATTERN holds: a digit, or a month's or weekday's name (their first three
 * letters, capitalised). A sentence without any has no date, and is not searched.
 */
const MAY_HOLD_EN_DATE = /\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun/;

function extractEnglishDates(text: string): DateMention[] {
  const dates: DateMention[] = [];
  if (!MAY_HOLD_EN_DATE.test(text)) return dates;
  for (const match of text.matchAll(EN_PATTERN)) {
    const g = match.groups!;
    const date: DateMention = { text: match[0], start: match.index, end: match.index + match[0].length };
    if (g.isoYear) {
      date.year = Number(g.isoYear);
      date.month = Number(g.isoMonth);
      date.day = Number(g.isoDay);
    } else if (g.weekday) {
      date.weekday = WEEKDAYS.indexOf(g.weekday.toLowerCase()) + 1;
    } else if (g.shortYear) {
      const century = /(\d{2})\d{2}[-–]$/.exec(text.slice(0, match.index))?.[1];
      const short = Number(g.shortYear);
      date.year = century ? Number(century) * 100 + short : short < 30 ? 2000 + short : 1900 + short;
    } else if (g.year ?? g.earlyYear ?? g.eraYear ?? g.eraYearBefore) {
      date.year = Number(g.year ?? g.earlyYear ?? g.eraYear ?? g.eraYearBefore);
    } else {
      const monthName = g.m1 ?? g.m2!;
      const month = monthNumber(monthName);
      // "May" alone is too often the verb, and "Jan" a name: count them only with a day or a year, or
      // after a preposition that takes a month (in May).
      const day = g.d1 ?? g.d2;
      const year = g.y1 ?? g.y2 ?? g.y3;
      const bare = day === undefined && year === undefined;
      const afterPreposition =
        /\b(?:in|of|since|until|till|by|early|late|mid|next|last|this|from|through)[\s-]+$/i.test(
          text.slice(Math.max(0, match.index - 12), match.index),
        );
      const abbreviatedWithoutDot =
        !/\.$/.test(monthName) && monthName.length <= 4 && !MONTHS.includes(monthName.toLowerCase());
      if (bare && (monthName === 'May' || abbreviatedWithoutDot) && !afterPreposition) continue;
      if (day !== undefined && !inRange(Number(day), 1, 31)) continue;
      date.month = month;
      if (day !== undefined) date.day = Number(day);
      if (year !== undefined) date.year = Number(year);
    }
    dates.push(date);
  }
  return dates;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(key);
  return full >= 0 ? full + 1 : MONTH_ABBREVIATIONS[key]!;
}

function number(numeral: string | undefined): number | undefined {
  if (numeral === undefined) return undefined;
  return /^\d+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
}

function inRange(value: number | undefined, low: number, high: number): boolean {
  return value !== undefined && Number.isInteger(value) && value >= low && value <= high;
}
