import { extractEnglishNumbersAndDates, extractNumbers, type NumberMention } from '../numbers/index.js';
import { type KeyedTokens, keyTokens } from './coverage.js';
import { KeyTable } from './dictionary-evidence.js';

/**
 * Small numbers written as words are mostly not quantities worth matching (一个 "a", "one of
 * them"); digits, calendar parts and larger numbers are.
 */
function isInformative(mention: NumberMention): boolean {
  if (mention.kind === 'year' || mention.kind === 'month' || mention.kind === 'day') return true;
  return Math.abs(mention.value) > 10 || /[0-9０-９]/.test(mention.text);
}

function valueKey(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * Number and date evidence: numbers on both sides keyed by value (4月14日 ↔ April 14, 二〇二一年 ↔
 * 2021, 三千 ↔ 3,000, 百分之五 ↔ 5%), from the shared extractor in core/numbers. English month
 * names come from its date extractor. Only values the document has on both sides become keys.
 */
export function numberTokens(zhFolded: readonly string[], en: readonly string[]): KeyedTokens {
  const table = new KeyTable();
  const enKeys = en.map((sentence) => {
    const { numbers, dates } = extractEnglishNumbersAndDates(sentence);
    const values = numbers.filter(isInformative).map((m) => m.value);
    for (const date of dates) if (date.month !== undefined) values.push(date.month);
    return values.map((v) => table.id(valueKey(v)));
  });
  const zhKeys = zhFolded.map((sentence) =>
    extractNumbers(sentence, 'zh')
      .filter(isInformative)
      .map((m) => {
        const key = table.lookup(valueKey(m.value));
        return key === undefined ? [] : [key];
      }),
  );
  const reachable = new Set(zhKeys.flat(2));
  return keyTokens(
    zhKeys,
    enKeys.map((keys) => keys.filter((k) => reachable.has(k))),
    table.size,
  );
}
