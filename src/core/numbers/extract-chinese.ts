import { type ChineseToken, chineseWordTag, tokenizeChinese } from '../lexicon/jieba.js';
import {
  CHINESE_DIGIT_CHARS,
  CHINESE_NUMERAL_CHARS,
  LARGE_UNITS,
  parseChineseNumeral,
  toAsciiDigits,
} from './chinese-numerals.js';
import type { NumberKind, NumberMention } from './types.js';

// Groups of three digits after a comma or a space (no-break and thin spaces too): 3,000 and 100 000.
const ARABIC = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?`;
const CHINESE = `[${CHINESE_NUMERAL_CHARS}]+(?:[点點][${CHINESE_DIGIT_CHARS}]+)?`;
const EITHER = `(?:${ARABIC}|${CHINESE})`;
// Digits glued to Latin letters (COVID-19, G20, 5G) are names, not quantities.
const NOT_IN_WORD = String.raw`(?<![A-Za-z][-‐]?|[\d.])`;

const PATTERN = new RegExp(
  [
    `(?<percent>百分之(?<pct>${EITHER}))`,
    `(?<permille>千分之(?<pml>${EITHER}))`,
    `(?<fraction>(?<den>${EITHER})分之(?<num>${EITHER}))`,
    `(?<ordinal>第(?<ord>${EITHER}))`,
    // 七成 = 70%; not 一成不变, 成为, 成功 (成 as a verb after a numeral).
    `(?<tenths>[一二三四五六七八九])成(?![为為功立员員长長熟就本果绩績都市不])`,
    // 10多亿, 3余万: "more than" between the number and its scale.
    // 5千米/9.6千比特: 千 before a measure is the SI prefix (5 km, 9.6 kilobits), not a thousandfold.
    `${NOT_IN_WORD}(?<arabic>${ARABIC})(?:[多余餘])?(?:(?<scale>万亿|萬億|百万|百萬|千万|千萬|[万萬亿億]|千(?![米克瓦比字赫焦卡伏帕]))|(?=千))?(?<sign>%)?(?![A-Za-z\\d²³¹⁰⁴-⁹]|\\.\\d)`,
    `(?<chinese>${CHINESE})`,
  ].join('|'),
  'g',
);

/** Tags of jieba tokens that may run past a numeral and still leave it a number (三千人, 四月, 一年). */
const NUMERIC_TAGS = new Set(['m', 'mq', 'q', 't']);

/** Words jieba tags as numerals that are adverbs or idioms, not quantities (十分 "very", 一起 "together"). */
const NOT_QUANTITIES = new Set(
  (
    '十分 万分 一些 一起 千万 万一 一路 一带 一点 一样 一般 一直 一切 一定 一同 一道 一度 一致 一体 一边 ' +
    '一面 一旦 一向 一再 一律 一贯 一连 一时 一番 一系列 一流 一线 一手 一心 一生 一举 一概 百般 一方面 ' +
    '一下 一会 一会儿 一带一路 之一 唯一 统一 万物 百姓 千方百计 一些人 一行'
  ).split(' '),
);

/**
 * What every match of PATTERN holds: a digit (ASCII or full-width) or a Chinese numeral character.
 * Half the dev sets' Chinese sentences have none, and are not searched.
 */
const MAY_HOLD_NUMBER = new RegExp(`[0-9０-９${CHINESE_NUMERAL_CHARS}]`);

/** Numbers in Chinese text: Arabic, full-width and Chinese numerals, with 万/亿 scales, 百分之, 第, 分之. */
export function extractChineseNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  if (!MAY_HOLD_NUMBER.test(text)) return mentions;
  const ascii = toAsciiDigits(text);
  let tokens: readonly ChineseToken[] | undefined;
  for (const match of ascii.matchAll(PATTERN)) {
    const g = match.groups!;
    const start = match.index;
    let end = start + match[0].length;
    let value: number | undefined;
    let kind: NumberKind = 'cardinal';
    if (g.percent !== undefined) {
      value = parseAny(g.pct!);
      kind = 'percent';
    } else if (g.permille !== undefined) {
      const n = parseAny(g.pml!);
      value = n === undefined ? undefined : n / 1000;
      kind = 'fraction';
    } else if (g.fraction !== undefined) {
      const den = parseAny(g.den!);
      const num = parseAny(g.num!);
      value = den && num !== undefined ? num / den : undefined;
      kind = 'fraction';
    } else if (g.ordinal !== undefined) {
      value = parseAny(g.ord!);
      kind = 'ordinal';
    } else if (g.tenths !== undefined) {
      value = parseChineseNumeral(g.tenths)! * 10;
      kind = 'percent';
    } else if (g.arabic !== undefined) {
      value = parseArabic(g.arabic) * scaleOf(g.scale);
      kind = g.sign ? 'percent' : Number.isInteger(value) ? 'cardinal' : 'decimal';
      if (!g.scale && !g.sign) kind = calendarKind(g.arabic, value, ascii, end) ?? kind;
    } else if (g.chinese !== undefined) {
      if (!/[零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾]/.test(g.chinese)) continue;
      // 一两, 三四, 七八: two neighbouring digits are "one or two", "three or four", not 12 or 34.
      if (isApproximateRange(g.chinese)) continue;
      // 二十两 is twenty taels (两 the weight), not 22; 三两个 is "two or three".
      if (/^[一二三四五六七八九]?[两兩]$/.test(g.chinese) && g.chinese.length === 2) continue;
      if (/[十百千万亿拾佰仟萬億][两兩]$/.test(g.chinese)) {
        g.chinese = g.chinese.slice(0, -1);
        end = start + g.chinese.length;
      }
      // 万一 "in case", 千万 "by all means", 亿万 "countless": no numeral starts with a myriad unit or
      // 千 followed by a digit or another large unit (10,001 is written 一万零一).
      if (/^[万萬亿億千仟][一二两兩三四五六七八九万萬亿億]/.test(g.chinese)) continue;
      tokens ??= tokenizeChinese(text);
      if (!standsAlone(tokens, start, end)) continue;
      value = parseChineseNumeral(g.chinese);
      if (value !== undefined) {
        kind = Number.isInteger(value) ? 'cardinal' : 'decimal';
        kind = calendarKind(g.chinese, value, ascii, end) ?? kind;
      }
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    // 20世纪 is the twentieth century (or its decades, "the 1960s"): calendar, not a quantity.
    if ((kind === 'cardinal' || kind === 'ordinal') && /^世纪|^世紀/.test(ascii.slice(end))) kind = 'century';
    const unitEnd = kind === 'year' || kind === 'month' || kind === 'day' ? end + 1 : end;
    const mention: NumberMention = { value, text: text.slice(start, unitEnd), start, end: unitEnd, kind };
    if (
      APPROXIMATE_BEFORE.test(ascii.slice(Math.max(0, start - 2), start)) ||
      APPROXIMATE_AFTER.test(ascii.slice(end))
    )
      mention.approximate = true;
    mentions.push(mention);
  }
  return mentions;
}

/** Words around a number that make it "about" (约300人, 近百年, 四十多年, 十来个, 三百余口, 五十左右). */
const APPROXIMATE_BEFORE = /(?:约|近|约有|大约|几|上|数)$/u;
const APPROXIMATE_AFTER = /^(?:多|余|餘|几|幾|来|來|左右|上下|出头)/u;

/**
 * 一两, 三四, 七八: two neighbouring digits are "one or two", "three or four", not 12 or 34; so are
 * 十七八 ("seventeen or eighteen") and 一二十 ("ten or twenty"), wherever the pair stands in a numeral
 * with a unit. A run of bare digits (一二三四, 二〇二一) is read digit by digit instead.
 */
function isApproximateRange(numeral: string): boolean {
  const chars = [...numeral];
  const bare = chars.every((c) => CHINESE_DIGIT_CHARS.includes(c));
  if (bare && chars.length !== 2) return false;
  for (let i = 0; i + 1 < chars.length; i++) {
    if (!CHINESE_DIGIT_CHARS.includes(chars[i]!) || !CHINESE_DIGIT_CHARS.includes(chars[i + 1]!)) continue;
    const [a, b] = [parseChineseNumeral(chars[i]!), parseChineseNumeral(chars[i + 1]!)];
    if (a !== undefined && b !== undefined && b === a + 1 && a >= 1) return true;
  }
  return false;
}

function parseAny(numeral: string): number | undefined {
  return /^[\d,.]+$/.test(numeral) ? parseArabic(numeral) : parseChineseNumeral(numeral);
}

function parseArabic(numeral: string): number {
  return Number(numeral.replace(/[,\s]/g, ''));
}

const SCALE_CHARS: Record<string, number> = { ...LARGE_UNITS, 百: 100, 千: 1000 };

function scaleOf(scale: string | undefined): number {
  if (!scale) return 1;
  return [...scale].reduce((product, c) => product * (SCALE_CHARS[c] ?? 1), 1);
}

/** 2021年 is a year, 4月 a month, 14日 a day; 3年 stays a count of years. */
function calendarKind(numeral: string, value: number, text: string, end: number): NumberKind | undefined {
  const next = text[end];
  // 70年代 is a decade (the 1970s): calendar, not a quantity.
  if (next === '年' && text[end + 1] === '代') return 'year';
  const isDigitString = /^\d+$/.test(numeral) || [...numeral].every((c) => CHINESE_DIGIT_CHARS.includes(c));
  if (next === '年' && isDigitString && numeral.length === 4) return 'year';
  if (next === '月' && Number.isInteger(value) && value >= 1 && value <= 12) return 'month';
  if (
    (next === '日' || next === '号' || next === '號') &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= 31
  ) {
    return 'day';
  }
  return undefined;
}

/**
 * A run of numeral characters is a number only when jieba does not read it as part of a longer
 * word: 四川, 统一, 十分, 一带一路 are words, 三千人 and 四月 are numbers.
 */
function standsAlone(tokens: readonly ChineseToken[], start: number, end: number): boolean {
  const overlapping = tokens.filter((t) => t.end > start && t.start < end);
  const first = overlapping[0];
  const last = overlapping[overlapping.length - 1];
  if (!first || !last) return false;
  if (overlapping.some((t) => NOT_QUANTITIES.has(t.simplified))) return false;
  if (first.start < start) return false;
  if (last.end > end && !NUMERIC_TAGS.has(chineseWordTag(last.simplified))) return false;
  return true;
}
