import { type Finding, finding, type QaCheckFunction, type QaPair, type Span } from './types.js';
import { type LinkedPair, learnLexicon, linkPair, tokenizePair } from './word-links.js';

/**
 * A side with no counterpart (1-0, 0-1 bead), and a clause of the Chinese that has no counterpart in
 * the English: none of its content words links to a word of the English (CC-CEDICT, pinyin,
 * transliteration, numbers, and translations learned from the whole document; word-links.ts). The
 * unmatched clause is the finding's span. A length ratio, the check before this one, found no drop under
 * 30% of a sentence (issue 13).
 */
export const checkOmissions: QaCheckFunction = (pairs) => {
  const findings: Finding[] = [];
  const tokenized = pairs.map((pair) => (pair.zh.trim() && pair.en.trim() ? tokenizePair(pair) : undefined));
  const lexicon = learnLexicon(tokenized.filter((t) => t !== undefined));
  const medianLogRatio = median(pairs.filter((p) => p.zh.trim() && p.en.trim()).map(logRatio));
  pairs.forEach((pair, index) => {
    const zh = pair.zh.trim();
    const en = pair.en.trim();
    if (!zh && !en) return;
    if (!en || !zh) {
      // A dateline ("November 15, 2012"), a number or a heading mark alone is layout, not a sentence.
      if (!/[\p{Script=Han}\p{L}]{2,}/u.test((zh || en).replace(DATELINE, ''))) return;
      const missing = en ? 'Chinese' : 'English';
      findings.push(
        finding(
          'omission',
          'error',
          index,
          pair,
          `this ${en ? 'English' : 'Chinese'} sentence has no ${missing} counterpart`,
          en ? 'check for text added in translation' : 'translate the sentence or check the alignment',
          en ? { en: [{ start: 0, end: pair.en.length }] } : { zh: [{ start: 0, end: pair.zh.length }] },
          'omission-unpaired',
        ),
      );
      return;
    }
    if (logRatio(pair) - medianLogRatio > FAR_TOO_LONG) {
      findings.push(
        finding(
          'omission',
          'warning',
          index,
          pair,
          "the English is more than 2.5 times as long as this document's translations usually are",
          'check for text added in translation, or a Chinese clause missing from the source side',
          { en: [{ start: 0, end: pair.en.length }] },
          'omission-added',
        ),
      );
      return;
    }
    const linked = linkPair(pair, tokenized[index]!, lexicon);
    const run = suspectDrop(pair, linked, medianLogRatio);
    if (run) {
      const text = pair.zh.slice(run.start, run.end);
      findings.push(
        finding(
          'omission',
          'warning',
          index,
          pair,
          `"${text}" has no counterpart in the English, which is short for this document`,
          'check for a dropped clause',
          { zh: [run] },
          'omission-dropped',
        ),
      );
    }
  });
  return findings;
};

/** English month-day-year datelines and bare dates: what press copy puts on a line of its own. */
const DATELINE =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{4}年\d{1,2}月\d{1,2}日/g;

/**
 * A dropped clause shows three ways at once: the English is short for the document (log length ratio
 * under the document's median by more than MAX_SHORTFALL), a run of the Chinese content words links to
 * nothing in it (at least MIN_RUN_CHARS characters and MIN_RUN_SHARE of the content), and little of the
 * Chinese links at all (under MAX_COVERAGE). Set on the harness (bench/qa-harness.ts: one clause of
 * 20–45% of the words dropped, against clean pairs of mac-dev and bfsu-nonlit-dev) for at most 1.5
 * findings per 100 clean pairs on each set. Dictionary links cover about half of a clean pair's Chinese
 * content, so a drop of 20% is not told from a free translation more often than this: recall is low
 * (0.13–0.16 there; docs/terms-qa.md).
 */
const MAX_SHORTFALL = -0.4;
const MIN_RUN_CHARS = 8;
const MIN_RUN_SHARE = 0.4;
const MAX_COVERAGE = 0.4;
const FAR_TOO_SHORT = -0.9;
/** An English 2.5 times as long as usual for the document: no clean pair of either dev set is. */
const FAR_TOO_LONG = Math.log(2.5);

function suspectDrop(pair: QaPair, linked: LinkedPair, medianLog: number): Span | undefined {
  const shortfall = logRatio(pair) - medianLog;
  if (shortfall >= MAX_SHORTFALL) return undefined;
  const chars = (z: { token: { word: string } }) => z.token.word.length;
  const total = linked.zh.reduce((sum, z) => sum + chars(z), 0);
  const covered = linked.zh.filter((z) => z.linked).reduce((sum, z) => sum + chars(z), 0);
  // Far too short (under 40% of the usual length), the coverage no longer matters: in a short document
  // the learned links are guesses. This adds no finding on the clean pairs of either dev set.
  const farTooShort = shortfall < FAR_TOO_SHORT;
  if (total === 0 || (covered >= MAX_COVERAGE * total && !farTooShort)) return undefined;
  let best: { start: number; end: number; chars: number } | undefined;
  let current: { start: number; end: number; chars: number } | undefined;
  for (const z of linked.zh) {
    if (z.linked) {
      current = undefined;
      continue;
    }
    current = current
      ? { start: current.start, end: z.token.end, chars: current.chars + chars(z) }
      : { start: z.token.start, end: z.token.end, chars: chars(z) };
    if (!best || current.chars > best.chars) best = current;
  }
  if (!best || best.chars < MIN_RUN_CHARS || (best.chars < MIN_RUN_SHARE * total && !farTooShort))
    return undefined;
  return { start: best.start, end: best.end };
}

function logRatio(pair: QaPair): number {
  return Math.log(pair.en.trim().length / Math.max(1, pair.zh.replace(/\s/g, '').length));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
