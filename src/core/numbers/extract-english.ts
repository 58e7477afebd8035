import type { NumberKind, NumberMention } from './types.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_UNITS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
  millionth: 1e6,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

const WORD = [...Object.keys(UNITS), ...Object.keys(ORDINAL_UNITS), ...Object.keys(SCALES)]
  .sort((a, b) => b.length - a.length)
  .join('|');
const SCALE = Object.keys(SCALES).join('|');

const PATTERN = new RegExp(
  [
    // Decades: the 1970s, the '90s (calendar, like 70年代).
    String.raw`(?<![\w.,])(?<decade>(?:1[5-9]|20)\d0|['’]?\d0)s\b`,
    // 1 in 10 (a fraction, as 十分之一)
    String.raw`(?<![\w.,])(?<inNumerator>\d+)\s+in\s+(?<inDenominator>\d+)\b`,
    // half a million = 500,000
    String.raw`\b(?<half>half\s+an?\s+(?<halfScale>${SCALE}))\b`,
    // 3,000 / 3.5 million / 5% / 1st / 3/4; digits glued to letters (COVID-19, G20) are names.
    // Units glued to the digits (10m, .5mg, 15km) keep the number; $10m and $3bn are money in millions.
    String.raw`(?<![\w.,/]|[A-Za-z]-)(?<digits>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)(?<unit>(?:mm|cm|km|m|mg|kg|g|ml|kb|mb|gb|ghz|mhz|hz|kw|bn)(?![\w]))?` +
      String.raw`(?:(?<suffix>st|nd|rd|th)\b|\/(?<denominator>\d+)\b|(?<scale>\s+(?:${SCALE})\b)?(?<percent>\s?%|\s+per\s?cent\b)?)(?![\w²³¹⁰⁴-⁹]|\.\d)`,
    // centenary = 100 (years): 建党100年 ↔ the Party's centenary
    String.raw`\b(?<anniversary>(?:bi|tri|ter|quater)?cent(?:enary|ennial))\b`,
    // five / twenty-one / three hundred and five / a million / first / five percent
    String.raw`\b(?<words>(?:an?\s+(?=(?:${SCALE}|dozen|decade)\b))?(?:${WORD})(?:(?:[\s-]+|\s+and\s+)(?:${WORD}))*)\b(?<wordPercent>\s+per\s?cent\b)?(?<multiplier>\s+(?:dozen|decades?)\b)?`,
    // a dozen, a decade, decades alone
    String.raw`\b(?<unitWord>(?:an?\s+)?(?:dozen|decade))\b`,
  ].join('|'),
  'gi',
);

/**
 * What every match of PATTERN holds: a digit, or at the start of a word a number word (half's scale
 * is one), dozen, decade or (bi-, tri-, ter-, quater-)cent. Three in four of the dev sets' English
 * sentences have none, and are not searched (the pattern tried its alternatives at every character).
 */
const MAY_HOLD_NUMBER = new RegExp(String.raw`\d|\b(?:${WORD}|dozen|decade|(?:bi|tri|ter|quater)?cent)`, 'i');

/** Numbers in English text: digits with separators and scale words, percentages, ordinals, number words. */
export function extractEnglishNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  if (!MAY_HOLD_NUMBER.test(text)) return mentions;
  for (const match of text.matchAll(PATTERN)) {
    const g = match.groups!;
    const start = match.index;
    const end = start + match[0].length;
    let value: number | undefined;
    let kind: NumberKind;
    if (g.decade !== undefined) {
      const digits = g.decade.replace(/^['’]/, '');
      value = digits.length === 2 ? 1900 + Number(digits) : Number(digits);
      kind = 'year';
    } else if (g.inNumerator !== undefined) {
      const denominator = Number(g.inDenominator);
      if (denominator === 0) continue;
      value = Number(g.inNumerator) / denominator;
      kind = 'fraction';
    } else if (g.half !== undefined) {
      value = 0.5 * SCALES[g.halfScale!.toLowerCase()]!;
      kind = 'cardinal';
    } else if (g.anniversary !== undefined) {
      const prefix = /^(bi|tri|ter|quater)/i.exec(g.anniversary)?.[1]?.toLowerCase();
      value =
        100 * (prefix === 'bi' ? 2 : prefix === 'tri' || prefix === 'ter' ? 3 : prefix === 'quater' ? 4 : 1);
      kind = 'cardinal';
    } else if (g.unitWord !== undefined) {
      value = /dozen/i.test(g.unitWord) ? 12 : 10;
      kind = 'cardinal';
    } else if (g.digits !== undefined) {
      value = Number(g.digits.replace(/[,\s]/g, ''));
      if (g.unit) {
        const money = /[$£€¥]$/.test(text.slice(0, start));
        if (money && (g.unit.toLowerCase() === 'm' || g.unit.toLowerCase() === 'bn')) {
          value *= g.unit.toLowerCase() === 'm' ? 1e6 : 1e9;
        }
        mentions.push({
          value,
          text: text.slice(start, end),
          start,
          end,
          kind: Number.isInteger(value) ? 'cardinal' : 'decimal',
        });
        continue;
      }
      if (g.suffix) kind = 'ordinal';
      else if (g.denominator) {
        value /= Number(g.denominator);
        kind = 'fraction';
      } else if (g.percent) kind = 'percent';
      else kind = Number.isInteger(value) ? 'cardinal' : 'decimal';
      if (g.scale) {
        value *= SCALES[g.scale.trim().toLowerCase()]!;
        if (!g.percent) kind = 'cardinal';
      }
      if (kind === 'cardinal' && !g.scale && /^[12]\d{3}$/.test(g.digits)) kind = 'year';
      // 1997-98 and Dogme '95: two digits standing for a year.
      if (kind === 'cardinal' && /^\d{2}$/.test(g.digits)) {
        const before = text.slice(Math.max(0, start - 5), start);
        const century = /(\d{2})\d{2}[-–]$/.exec(before)?.[1];
        if (century) {
          value = Number(century) * 100 + value;
          kind = 'year';
        } else if (/['’]$/.test(before)) {
          value += value < 30 ? 2000 : 1900;
          kind = 'year';
        }
      }
    } else {
      const parsed = parseNumberWords(g.words!);
      if (!parsed) continue;
      value = parsed.value;
      kind = g.wordPercent ? 'percent' : parsed.ordinal ? 'ordinal' : 'cardinal';
      // two decades = 20, three dozen = 36
      if (g.multiplier) value *= /dozen/i.test(g.multiplier) ? 12 : 10;
    }
    mentions.push({ value, text: text.slice(start, end), start, end, kind });
  }
  return mentions;
}

/** "three hundred and five" → 305, "twenty-first" → 21 (ordinal), "a million" → 1e6. */
export function parseNumberWords(words: string): { value: number; ordinal: boolean } | undefined {
  const parts = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  let total = 0;
  let current = 0;
  let ordinal = false;
  let seen = false;
  for (const part of parts) {
    if (part === 'a' || part === 'an') {
      current = 1;
      continue;
    }
    let unit = UNITS[part];
    if (unit === undefined && ORDINAL_UNITS[part] !== undefined && ORDINAL_UNITS[part]! < 100) {
      unit = ORDINAL_UNITS[part];
      ordinal = true;
    }
    if (unit !== undefined) {
      current += unit;
      seen = true;
      continue;
    }
    const scaleWord = part.replace(/th$/, '');
    const scale = SCALES[scaleWord];
    if (scale === undefined) return undefined;
    if (scaleWord !== part) ordinal = true;
    seen = true;
    if (scale === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * scale;
      current = 0;
    }
  }
  return seen ? { value: total + current, ordinal } : undefined;
}
