import { escapeRegExp } from '../escape-regexp.js';
import { tokenizeChinese } from '../lexicon/jieba.js';
import { type Finding, finding, type QaCheckFunction, type QaPair, type Span } from './types.js';

/**
 * A word typed twice ("the the"). Capitalised pairs are names (Jiang Jiang, Bora Bora); "had had" and
 * "that that" are grammatical. In Chinese, reduplication is grammar (常常, 看看, 研究研究), so only
 * doubled function characters that are never reduplicated are reported (的的, 了了, 在在).
 */
// The second word may carry a contraction ("it it's"), not be the head of a longer word (fat fat-free).
const ENGLISH_REPEAT = /(?<![\p{L}\p{N}'’-])([\p{L}]+)\s+\1(?![\p{L}\p{N}-]|['’]\p{L}{2,})/giu;
const GRAMMATICAL_REPEATS = new Set([
  'had',
  'that',
  'is',
  'bye',
  'very',
  'so',
  'no',
  'yes',
  'ha',
  'far',
  'more',
  // "asked her her business": the object, then the possessive.
  'her',
]);
const CHINESE_REPEAT = /([的了在是和与对把被將将從从於于])\1/gu;

export const checkRepeatedWords: QaCheckFunction = (pairs) =>
  pairs.flatMap((pair, index) => checkPair(pair, index));

function checkPair(pair: QaPair, index: number): Finding[] {
  const findings: Finding[] = [];
  for (const match of pair.en.matchAll(ENGLISH_REPEAT)) {
    const [whole, word] = match as unknown as [string, string];
    const second = whole.slice(whole.length - word.length);
    if (GRAMMATICAL_REPEATS.has(word.toLowerCase())) continue;
    if (/^\p{Lu}/u.test(word) && /^\p{Lu}/u.test(second)) continue;
    // Three times or more in a row is meant (tock tock tock tock, no no no): a sound or an emphasis.
    if (thriceInARow(pair.en, match.index, word)) continue;
    const span: Span = { start: match.index, end: match.index + whole.length };
    findings.push(
      finding(
        'repeated-word',
        'warning',
        index,
        pair,
        `"${whole}": a word is repeated`,
        `delete one "${word}"`,
        {
          en: [span],
        },
      ),
    );
  }
  const zhWords = pair.zh.search(CHINESE_REPEAT) >= 0 ? tokenizeChinese(pair.zh) : [];
  for (const match of pair.zh.matchAll(CHINESE_REPEAT)) {
    if (inAabbWord(pair.zh, match.index)) continue;
    // 现在|在哪儿: the first character ends a longer word.
    if (zhWords.some((w) => w.end - w.start >= 2 && w.end === match.index + 1)) continue;
    const span: Span = { start: match.index, end: match.index + match[0].length };
    findings.push(
      finding(
        'repeated-word',
        'warning',
        index,
        pair,
        `"${match[0]}": a character is repeated`,
        `delete one "${match[1]}"`,
        { zh: [span] },
      ),
    );
  }
  return findings;
}

/**
 * Whether the doubled character at `at` is half of an AABB reduplication (实实在在, 的的确确, 是是非非): the two characters before it, or the two after it, are doubled too.
 */
function inAabbWord(text: string, at: number): boolean {
  const doubled = (i: number) =>
    i >= 0 && i + 1 < text.length && text[i] === text[i + 1] && /\p{Script=Han}/u.test(text[i]!);
  return doubled(at - 2) || doubled(at + 2);
}

/** Whether the word doubled at `at` is said a third time straight after (or was just before). */
function thriceInARow(text: string, at: number, word: string): boolean {
  const escaped = escapeRegExp(word);
  const before = new RegExp(`(?<![\\p{L}])${escaped}\\s+$`, 'iu').test(text.slice(0, at));
  const after = new RegExp(`^${escaped}\\s+${escaped}\\s+${escaped}(?![\\p{L}])`, 'iu').test(text.slice(at));
  return before || after;
}
