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
  const allZh = extractNumbers(pair.zh, 'zh');
  const allEn = extractNumbers(pair.en, 'en');
  const zh = allZh.filter((m) => !CALENDAR.has(m.kind));
  const en = allEn.filter((m) => !CALENDAR.has(m.kind));
  // English years are matched against Chinese cardinals too (a 2020 without 年 is still 2020).
  const enYears = allEn.filter((m) => m.kind === 'year');
  const unmatchedEn = new Set(en);
  const missing: NumberMention[] = [];
  for (const z of zh) {
    const partner = [...unmatchedEn, ...enYears].find((e) => sameValue(z.value, e.value));
    if (partner) {
      unmatchedEn.delete(partner);
      continue;
    }
    // Said twice in Chinese, once in English: the value is there.
    if (allEn.some((e) => sameValue(z.value, e.value))) continue;
    if (isSmallChineseWord(z)) continue;
    missing.push(z);
  }
  const added = [...unmatchedEn].filter(
    (e) => /\d/.test(e.text) && !allZh.some((z) => sameValue(z.value, e.value)),
  );
  const findings: Finding[] = [];
  // One changed number is one finding with both values (10万 (100,000) ↔ 110,000): a missing Chinese
  // number is paired with an added English one of the same kind, in reading order.
  for (const z of missing) {
    const at = added.findIndex((e) => e.kind === z.kind || (isCount(e) && isCount(z)));
    if (at >= 0) {
      const [e] = added.splice(at, 1) as [NumberMention];
      findings.push(
        finding(
          'number',
          'error',
          index,
          pair,
          `${z.text} (${format(z)}) ↔ ${e.text}: the numbers differ`,
          `check that ${format(z)} appears in the translation`,
          { zh: [{ start: z.start, end: z.end }], en: [{ start: e.start, end: e.end }] },
        ),
      );
      continue;
    }
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
  for (const e of added) {
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

function isCount(mention: NumberMention): boolean {
  return mention.kind === 'cardinal' || mention.kind === 'decimal';
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
