import {
  type DateMention,
  ENGLISH_MONTH_NAMES,
  ENGLISH_WEEKDAY_NAMES,
  extractDates,
  extractNumbers,
} from '../numbers/index.js';
import { type Finding, finding, type QaCheckFunction, type QaPair } from './types.js';

/**
 * Dates must agree field by field: 4月14日 ↔ April 14 / 14 April, 2021年 ↔ 2021, 星期三 ↔ Wednesday. A
 * field only one side states (a year the English adds) is not compared.
 */
export const checkDates: QaCheckFunction = (pairs) => pairs.flatMap((pair, index) => checkPair(pair, index));

function checkPair(pair: QaPair, index: number): Finding[] {
  if (!pair.zh.trim() || !pair.en.trim()) return [];
  const zh = extractDates(pair.zh, 'zh');
  const en = extractDates(pair.en, 'en');
  const unmatched = new Set(en);
  const enNumbers = extractNumbers(pair.en, 'en');
  const missing: DateMention[] = [];
  for (const z of zh) {
    // 一两月 (a month or two), 两三天: a count of months or days, not a date.
    if (/^(?:一两|两三)/u.test(z.text)) continue;
    const partner = [...unmatched].find((e) => agrees(z, e));
    if (partner) {
      unmatched.delete(partner);
      continue;
    }
    // A year alone may be a number to the English reader (1368 with no preposition before it).
    if (z.month === undefined && z.weekday === undefined && enNumbers.some((e) => e.value === z.year))
      continue;
    if (en.some((e) => agrees(z, e))) continue;
    missing.push(z);
  }
  const findings: Finding[] = [];
  const zhNumbers = extractNumbers(pair.zh, 'zh');
  const added = [...unmatched].filter(
    (e) =>
      !zh.some((z) => agrees(z, e)) &&
      // A bare four-digit number (1500 people) reads as a year; it is the number check's when zh has it.
      !(e.month === undefined && e.weekday === undefined && zhNumbers.some((z) => z.value === e.year)),
  );
  // One changed date is one finding with both values (4月14日 (April 14) ↔ April 15), not a missing
  // date and an added one: a Chinese date and an English one stating the same fields are paired.
  for (const z of missing) {
    const at = added.findIndex((e) => sameFields(z, e));
    if (at >= 0) {
      const [e] = added.splice(at, 1) as [DateMention];
      findings.push(
        finding(
          'date',
          'error',
          index,
          pair,
          `${z.text} (${describe(z)}) ↔ ${e.text}: the dates differ`,
          `write ${describe(z)} in the translation`,
          { zh: [{ start: z.start, end: z.end }], en: [{ start: e.start, end: e.end }] },
          'date-mismatch',
        ),
      );
      continue;
    }
    findings.push(
      finding(
        'date',
        'error',
        index,
        pair,
        `the date ${z.text} (${describe(z)}) is not in the English`,
        `write ${describe(z)} in the translation`,
        { zh: [{ start: z.start, end: z.end }] },
        'date-missing',
      ),
    );
  }
  for (const e of added) {
    // A year the English adds is mostly an explanation for its reader ("in 1949, when …"): info.
    // But where the Chinese states a year, an English year it lacks may be that year changed.
    const yearOnly = e.month === undefined && e.day === undefined && e.weekday === undefined;
    const zhStatesYear = zh.some((z) => z.year !== undefined);
    findings.push(
      finding(
        'date',
        yearOnly && !zhStatesYear ? 'info' : 'warning',
        index,
        pair,
        `the date ${e.text} is in the English but not in the Chinese`,
        'check the date against the source',
        { en: [{ start: e.start, end: e.end }] },
        'date-added',
      ),
    );
  }
  return findings;
}

/** Whether two dates state the same fields (both a month and day, both a year …): the same date, changed. */
function sameFields(a: DateMention, b: DateMention): boolean {
  const fields = ['year', 'month', 'day', 'weekday'] as const;
  const stated = (d: DateMention) => fields.filter((f) => d[f] !== undefined);
  const [x, y] = [stated(a), stated(b)];
  return x.some((f) => y.includes(f)) && (x.every((f) => y.includes(f)) || y.every((f) => x.includes(f)));
}

/** Two mentions agree when every field both state is equal and they state at least one in common. */
function agrees(a: DateMention, b: DateMention): boolean {
  let shared = 0;
  for (const field of ['year', 'month', 'day', 'weekday'] as const) {
    const x = a[field];
    const y = b[field];
    if (x === undefined || y === undefined) continue;
    if (x !== y) return false;
    shared++;
  }
  return shared > 0;
}

function describe(date: DateMention): string {
  const parts: string[] = [];
  if (date.weekday !== undefined) parts.push(ENGLISH_WEEKDAY_NAMES[date.weekday - 1]!);
  if (date.month !== undefined)
    parts.push(ENGLISH_MONTH_NAMES[date.month - 1]! + (date.day ? ` ${date.day}` : ''));
  else if (date.day !== undefined) parts.push(`day ${date.day}`);
  if (date.year !== undefined) parts.push(String(date.year));
  return parts.join(', ');
}
