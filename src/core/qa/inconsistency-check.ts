import { foldToSimplified } from '../lexicon/script.js';
import { type Finding, finding, type QaCheckFunction, type QaPair } from './types.js';

/**
 * The same source sentence translated differently (warning), and the same translation given to
 * different sources (info: often legitimate, e.g. two Chinese phrasings of "Thank you."). Sentences are
 * compared after folding script, case, white space and final punctuation.
 */
export const checkInconsistency: QaCheckFunction = (pairs) => [
  ...compare(pairs, 'zh', 'en'),
  ...compare(pairs, 'en', 'zh'),
];

function compare(pairs: readonly QaPair[], source: 'zh' | 'en', target: 'zh' | 'en'): Finding[] {
  const firstSeen = new Map<string, { index: number; target: string }>();
  const findings: Finding[] = [];
  pairs.forEach((pair, index) => {
    const sourceKey = normalise(pair[source]);
    const targetKey = normalise(pair[target]);
    if (!sourceKey || !targetKey) return;
    const first = firstSeen.get(sourceKey);
    if (!first) {
      firstSeen.set(sourceKey, { index, target: targetKey });
      return;
    }
    if (first.target === targetKey) return;
    const sourceName = source === 'zh' ? 'Chinese' : 'English';
    findings.push(
      finding(
        'inconsistency',
        source === 'zh' ? 'warning' : 'info',
        index,
        pair,
        source === 'zh'
          ? `the same Chinese is translated differently in pair ${first.index + 1}`
          : `the same English translates a different Chinese sentence in pair ${first.index + 1}`,
        source === 'zh'
          ? `use one translation for the repeated ${sourceName} sentence, or check both`
          : 'check that both sources mean the same',
        { [target]: [{ start: 0, end: pair[target].length }] },
      ),
    );
  });
  return findings;
}

function normalise(text: string): string {
  return foldToSimplified(text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.。!！?？;；,，:：]+$/u, '')
    .trim();
}
