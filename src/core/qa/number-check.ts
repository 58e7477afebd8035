import { extractNumbers, type NumberMention } from '../numbers/index.js';
import { type Finding, finding, type QaCheckFunction, type QaPair } from './types.js';

/** Calendar parts are the date check's business. */
const CALENDAR = new Set(['year', 'month', 'day']);

/**
 * Numbers must survive translation with their value: 3.5万 ↔ 35,000, 两亿 ↔ 200 million, 百分之五 ↔ 5%.
 * Small numbers written in Chinese characters (一个, 三次, 第一) are often rendered as words, articles or
 * not at all ("a meeting"), so a missing one is not reported; Arabic digits always are.
 */
export const checkNumbers: QaCheckFunction = (pairs) =>
  pairs.flatMap((pair, index) => checkPair(pair, index));

function checkPair(pair: QaPair, index: number): Finding[] {
  if (!pair.zh.trim() || !pair.en.trim()) return [];
  const zh = extractNumbers(pair.zh, 'zh').filter((m) => !CALENDAR.has(m.kind));
  const en = extractNumbers(pair.en, 'en').filter((m) => !CALENDAR.has(m.kind));
  // English years are matched against Chinese cardinals too (a 2020 without 年 is still 2020).
  const enYears = extractNumbers(pair.en, 'en').filter((m) => m.kind === 'year');
  const unmatchedEn = new Set(en);
  const findings: Finding[] = [];
  const missing: NumberMention[] = [];
  for (const z of zh) {
    const partner = [...unmatchedEn, ...enYears].find((e) => sameValue(z.value, e.value));
    if (partner) {
      unmatchedEn.delete(partner);
      continue;
    }
    if (isSmallChineseWord(z)) continue;
    missing.push(z);
  }
  for (const z of missing) {
    findings.push(
      finding(
        'number',
        'error',
        index,
        pair,
        `the number ${z.text} (${format(z)}) is not in the English`,
        `check that ${format(z)} appears in the translation (${z.kind === 'percent' ? 'as a percentage' : 'any notation'})`,
        { zh: [{ start: z.start, end: z.end }] },
      ),
    );
  }
  const zhYears = extractNumbers(pair.zh, 'zh');
  for (const e of unmatchedEn) {
    if (!/\d/.test(e.text)) continue;
    if (zhYears.some((z) => sameValue(z.value, e.value))) continue;
    findings.push(
      finding(
        'number',
        'warning',
        index,
        pair,
        `the number ${e.text} is in the English but not in the Chinese`,
        'check the value against the source, or remove it',
        { en: [{ start: e.start, end: e.end }] },
      ),
    );
  }
  return findings;
}

/** Equal up to floating-point noise from scaling (3.5 × 10⁶). */
function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function isSmallChineseWord(mention: NumberMention): boolean {
  return !/\d/.test(mention.text) && mention.value <= 10 && mention.kind !== 'percent';
}

function format(mention: NumberMention): string {
  const value = mention.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return mention.kind === 'percent' ? `${value}%` : value;
}
