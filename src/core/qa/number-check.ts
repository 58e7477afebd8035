import { escapeRegExp } from '../escape-regexp.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../numbers/chinese-numerals.js';
import { extractNumbers, type NumberMention } from '../numbers/index.js';
import { type Finding, finding, type QaCheckFunction, type QaPair } from './types.js';

/** Calendar parts are the date check's business; a century (20世纪) may be its decades in English. */
const CALENDAR = new Set(['year', 'month', 'day', 'century']);

/**
 * Section, figure, table and equation numbers, and list numbers opening a sentence, are labels, not
 * quantities (2.2.1, 图2.1 ↔ Figure 2-1, "6. 片厂" ↔ "The Film Studio"): left out of the comparison.
 */
const ZH_LABEL =
  /(?:图|圖|表|式|公式|附录|章节|第)\s*\d+(?:[.\-－–—]\d+)+|(?<![\d.])\d+(?:\.\d+){2,}|^\s*[(（]?\d+[.、．)）](?!\d)\s*/gu;
const EN_LABEL =
  /\b(?:Figures?|Figs?\.|Tables?|Sections?|Chapters?|Equations?|Eqs?\.|Appendix|Part|No\.)\s*\d+(?:[.\-–]\d+)*|(?<![\d.])\d+(?:\.\d+){2,}|^\s*\(?\d+[.)]\s+/gu;

function labelSpans(text: string, pattern: RegExp): { start: number; end: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function inside(mention: NumberMention, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => mention.start < s.end && mention.end > s.start);
}

/**
 * Numbers must survive translation with their value: 3.5万 ↔ 35,000, 两亿 ↔ 200 million, 百分之五 ↔ 5%.
 * Small numbers written in Chinese characters (一个, 三次, 第一) are often rendered as words, articles or
 * not at all ("a meeting"), so a missing one is not reported; Arabic digits always are.
 */
export const checkNumbers: QaCheckFunction = (pairs) =>
  pairs.flatMap((pair, index) => checkPair(pair, index));

function checkPair(pair: QaPair, index: number): Finding[] {
  if (!pair.zh.trim() || !pair.en.trim()) return [];
  const zhLabels = labelSpans(pair.zh, ZH_LABEL);
  const enLabels = labelSpans(pair.en, EN_LABEL);
  const allZh = extractNumbers(pair.zh, 'zh').filter((m) => !inside(m, zhLabels));
  const allEn = extractNumbers(pair.en, 'en').filter((m) => !inside(m, enLabels));
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
    (e) =>
      /\d/.test(e.text) &&
      !allZh.some((z) => sameValue(z.value, e.value)) &&
      // 300MHz, IL-10 written the same in the Chinese: a name or a measurement copied as it is.
      !copiedWithLetters(pair.zh, e.text) &&
      // 十八大 ↔ the 18th Congress, 十一届三中全会 ↔ 11th: numerals jieba keeps inside a word.
      !rawNumerals(pair.zh).some((value) => sameValue(value, e.value)),
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
          'number-mismatch',
        ),
      );
      continue;
    }
    // A number in digits gone from the English is almost surely a slip. One "about" (四十多年 ↔ half a
    // century) or small and in characters (二十英尺 ↔ six-meter) is as often rendered freely: info,
    // shown with --all (on mac-dev every such finding was a liberty of the translator); a larger one
    // in characters (三千人) is worth a look.
    const inWords = !/\d/.test(z.text);
    const severity =
      z.approximate || (inWords && (z.value < 100 || figurative(z.text)))
        ? 'info'
        : inWords
          ? 'warning'
          : 'error';
    findings.push(
      finding(
        'number',
        severity,
        index,
        pair,
        `the number ${z.text} (${format(z)}) is not in the English`,
        `check that ${format(z)} appears in the translation (${z.kind === 'percent' ? 'as a percentage' : 'any notation'})`,
        { zh: [{ start: z.start, end: z.end }] },
        'number-missing',
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
        'number-added',
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

/** Values from ten up of every run of Chinese numeral characters, words or not (十八大 → 18, 十一届 → 11). */
function rawNumerals(zh: string): number[] {
  return [...zh.matchAll(RAW_NUMERAL)].flatMap((m) => {
    // Small values stand in too many words (一些, 统一) to vouch for anything.
    const value = parseChineseNumeral(m[0]);
    return value === undefined || value < 10 ? [] : [value];
  });
}
const RAW_NUMERAL = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'gu');

/** Whether the Chinese holds the English number glued to Latin letters (300MHz, IL-10, B-52). */
function copiedWithLetters(zh: string, number: string): boolean {
  if (/[A-Za-z]/.test(number)) return zh.includes(number);
  const escaped = escapeRegExp(number);
  return new RegExp(`[A-Za-z][-‐]?${escaped}(?!\\d)|(?<!\\d)${escaped}\\s?[A-Za-z]`).test(zh);
}

const NUMERALS = '一二三四五六七八九';

/**
 * A number in characters that is seldom a quantity: a round 一百/一千/一万 (一万个不服, "a hundred
 * times no": hyperbole), or two neighbouring numerals, a range (八九两, eight or nine taels).
 */
function figurative(text: string): boolean {
  if (/^一?[百千万亿]$/u.test(text)) return true;
  for (let i = 0; i + 1 < text.length; i++) {
    const a = NUMERALS.indexOf(text[i]!);
    const b = NUMERALS.indexOf(text[i + 1]!);
    if (a >= 0 && b === a + 1) return true;
    if (text.slice(i, i + 2) === '一两' || text.slice(i, i + 2) === '两三') return true;
  }
  return false;
}
