/**
 * The recall check for `bitext terms`: which pairs recur ≥ 5 times on both sides of a dev set with a
 * consistent translation, found without the extractor, and which of them the extractor misses.
 *   npx tsx bench/term-recurring.ts [set…]   (default: both dev sets; read from ../shared/eval)
 *
 * Independent of the extractor by design: no dictionary, no segmenter, no part-of-speech tags. The
 * Chinese side is every character n-gram (2–8 Han characters), the English side every word n-gram
 * (1–6 words, not starting or ending with a function word), both counted in sentence pairs. A pair
 * is kept when both sides occur in ≥ 5 gold pairs together, the English is in ≥ 70% of the pairs
 * holding the Chinese, and their Dice coefficient is ≥ 0.6 (Smadja et al. 1996, for co-occurrence
 * of translations). Of nested n-grams with the same pairs only the longest is kept, on each side
 * (the C-value rule, Frantzi et al. 2000), so "Dream" gives way to "Chinese Dream".
 *
 * The list is a candidate list: character n-grams include fragments that only co-occur (的 + "the"
 * is filtered by the stoplist, 王琦瑶 + "Wang Qiyao" is a term, 说 + "said" is not). Review it by hand:
 * bench/term-recall-review.md records the review.
 */
import { isEnglishStopword } from '../src/core/lexicon/english.js';
import { foldToSimplified } from '../src/core/lexicon/script.js';
import { extractTerms } from '../src/core/terms/index.js';
import { DEV_SETS, readGoldPairs } from './eval-data.js';

const MIN_PAIRS = 5;
const MIN_DICE = 0.6;
/** Share of the Chinese n-gram's pairs that hold the English: a consistent translation. */
const MIN_CONSISTENCY = 0.7;

export interface RecurringPair {
  zh: string;
  en: string;
  both: number;
  zhCount: number;
  enCount: number;
  dice: number;
}

function zhGrams(zh: string): Set<string> {
  const grams = new Set<string>();
  for (const run of foldToSimplified(zh).match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= 8 && i + n <= run.length; n++) grams.add(run.slice(i, i + n));
  }
  return grams;
}

function enGrams(en: string): Set<string> {
  const grams = new Set<string>();
  // Clauses: n-grams do not cross punctuation other than hyphens and apostrophes.
  for (const clause of en.split(/[,;:!?()"“”。，；：！？]|\.(?:\s|$)|\s[-–—]\s/u)) {
    const words = clause.match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      if (isEnglishStopword(words[i]!) || /^\d+$/.test(words[i]!)) continue;
      for (let n = 1; n <= 6 && i + n <= words.length; n++) {
        const last = words[i + n - 1]!;
        if (isEnglishStopword(last) || /^\d+$/.test(last)) continue;
        grams.add(words.slice(i, i + n).join(' '));
      }
    }
  }
  return grams;
}

function index(pairs: readonly { zh: string; en: string }[]) {
  const zh = new Map<string, number[]>();
  const en = new Map<string, number[]>();
  const enByPair: Set<string>[] = [];
  pairs.forEach((pair, i) => {
    for (const g of zhGrams(pair.zh)) (zh.get(g) ?? zh.set(g, []).get(g)!).push(i);
    const grams = enGrams(pair.en);
    enByPair.push(grams);
    for (const g of grams)
      (en.get(g.toLowerCase()) ?? en.set(g.toLowerCase(), []).get(g.toLowerCase())!).push(i);
  });
  return { zh, en, enByPair };
}

/** Recurring pairs with a consistent translation, longest units only, most frequent first. */
export function recurringPairs(pairs: readonly { zh: string; en: string }[]): RecurringPair[] {
  const { zh, en, enByPair } = index(pairs);
  const enKey = (g: string) => g.toLowerCase();
  const found: RecurringPair[] = [];
  for (const [zhGram, where] of zh) {
    if (where.length < MIN_PAIRS) continue;
    const together = new Map<string, { text: string; both: number }>();
    for (const i of where) {
      for (const g of enByPair[i]!) {
        const entry = together.get(enKey(g)) ?? { text: g, both: 0 };
        entry.both++;
        together.set(enKey(g), entry);
      }
    }
    let best: RecurringPair | undefined;
    for (const [key, { text, both }] of together) {
      if (both < MIN_PAIRS || both < MIN_CONSISTENCY * where.length) continue;
      const enCount = en.get(key)?.length ?? both;
      const dice = (2 * both) / (where.length + enCount);
      if (dice < MIN_DICE) continue;
      const candidate = { zh: zhGram, en: text, both, zhCount: where.length, enCount, dice };
      // Highest Dice; on a near tie (within 0.05) the longer English: the whole unit.
      if (
        !best ||
        dice > best.dice + 0.05 ||
        (dice > best.dice - 0.05 && key.split(' ').length > best.en.split(' ').length)
      )
        best = candidate;
    }
    if (best) found.push(best);
  }
  // Nested Chinese n-grams with the same English and (nearly) the same pairs: keep the longest.
  const kept = found.filter(
    (a) =>
      !found.some(
        (b) =>
          b !== a &&
          b.zh.length > a.zh.length &&
          b.zh.includes(a.zh) &&
          b.en.toLowerCase() === a.en.toLowerCase() &&
          b.zhCount >= a.zhCount - 1,
      ) &&
      // A longer n-gram whose pairs are the same as a shorter one's only by chance of context
      // (王琦瑶说 + "Wang Qiyao") is dropped for the shorter: same English, fewer pairs.
      !found.some(
        (b) =>
          b !== a &&
          b.zh.length < a.zh.length &&
          a.zh.includes(b.zh) &&
          b.en.toLowerCase() === a.en.toLowerCase() &&
          b.zhCount > a.zhCount,
      ),
  );
  return kept.sort((a, b) => b.both - a.both || b.dice - a.dice);
}

const sets = process.argv.length > 2 ? process.argv.slice(2) : [...DEV_SETS];
for (const name of sets) {
  const pairs = await readGoldPairs(name);
  if (!pairs) {
    console.log(`# ${name}: skipped, ../shared/eval/${name} not found`);
    continue;
  }
  const recurring = recurringPairs(pairs);
  const extracted = extractTerms(pairs);
  const byZh = new Map(extracted.map((t, rank) => [foldToSimplified(t.zh), { ...t, rank: rank + 1 }]));
  let whole = 0;
  console.log(
    `# ${name}: ${pairs.length} pairs, ${recurring.length} recurring pairs, ${extracted.length} terms`,
  );
  console.log('zh\ten\tboth\tzhCount\tenCount\tdice\textracted\trank');
  for (const r of recurring) {
    // The n-gram may be a fragment of the extractor's unit or hold it (在欧洲 for 欧洲): the term
    // nearest in length whose Chinese and English overlap with the pair's counts.
    const en = r.en.toLowerCase();
    const term =
      byZh.get(r.zh) ??
      extracted
        .map((t, rank) => ({ ...t, rank: rank + 1 }))
        .filter((t) => {
          const zh = foldToSimplified(t.zh);
          const english = t.en.toLowerCase();
          return (zh.includes(r.zh) || r.zh.includes(zh)) && (english.includes(en) || en.includes(english));
        })
        .sort((a, b) => Math.abs(a.zh.length - r.zh.length) - Math.abs(b.zh.length - r.zh.length))[0];
    const status = !term
      ? 'MISSING'
      : term.en.toLowerCase() === en && foldToSimplified(term.zh) === r.zh
        ? 'whole'
        : `as ${term.zh} ↔ ${term.en}`;
    if (term) whole++;
    console.log(
      [r.zh, r.en, r.both, r.zhCount, r.enCount, r.dice.toFixed(2), status, term?.rank ?? ''].join('\t'),
    );
  }
  console.log(
    `# ${name}: ${whole}/${recurring.length} found (the same pair, or a unit holding it or held by it)`,
  );
}
