import { translationStems } from '../../lexicon/cedict.js';
import { englishContentStems } from '../../lexicon/english.js';
import { tokenizeChinese } from '../../lexicon/jieba.js';
import type { FilterRule } from '../types.js';

/**
 * The aligner's confidence (its posterior, README "Confidence"), when the input has one. Default
 * 0.3: below 0.7, pairs were right about 57% of the time on the literary dev set, below 0.3 rarely.
 */
export const confidence: FilterRule<{ minConfidence: number }> = {
  name: 'confidence',
  description: 'the aligner’s confidence below minConfidence (pairs without one pass)',
  defaults: { minConfidence: 0.3 },
  check(pair, p) {
    if (pair.confidence === undefined) return { score: 1, pass: true, why: 'no confidence given' };
    return {
      score: pair.confidence,
      pass: pair.confidence >= p.minConfidence,
      why: `confidence ${pair.confidence.toFixed(3)} (at least ${p.minConfidence})`,
    };
  },
};

/** Chinese function words: their CC-CEDICT senses are rare readings or grammar notes (as in the aligner). */
const ZH_FUNCTION_WORDS = new Set(
  (
    '的 地 得 了 着 过 是 在 和 与 及 并 而 也 就 都 又 还 才 把 被 让 给 对 从 向 往 于 以 为 之 其 这 那 ' +
    '这个 那个 这些 那些 这样 那样 我 你 您 他 她 它 我们 你们 他们 她们 它们 自己 个 些 吗 呢 吧 啊 呀 ' +
    '嘛 哦 么 所 等 有 没 不 没有 上 下 中 里 来 去'
  ).split(' '),
);

/** How much of each side the other side's words translate, by CC-CEDICT (both ways). */
export function dictionaryCoverage(
  zh: string,
  en: string,
): { zhToEn: number; enToZh: number; zhWords: number; enWords: number } {
  const enStems = englishContentStems(en);
  const enSet = new Set(enStems);
  const zhWords = tokenizeChinese(zh)
    .map((t) => t.simplified)
    .filter((w) => /\p{Script=Han}/u.test(w) && !ZH_FUNCTION_WORDS.has(w));
  const translated = new Set<string>();
  let known = 0;
  let covered = 0;
  for (const word of zhWords) {
    const stems = translationStems(word);
    if (stems.length === 0) continue;
    known++;
    let hit = false;
    for (const stem of stems) {
      translated.add(stem);
      if (enSet.has(stem)) hit = true;
    }
    if (hit) covered++;
  }
  const enCovered = enStems.filter((s) => translated.has(s)).length;
  return {
    zhToEn: known ? covered / known : 0,
    enToZh: enStems.length ? enCovered / enStems.length : 0,
    zhWords: known,
    enWords: enStems.length,
  };
}

/**
 * A lexical translation score: the mean of the two dictionary coverages. It catches a misaligned
 * neighbour, whose words translate almost none of the other side's. Pairs with fewer than minWords
 * dictionary words on either side are not judged (a short line can translate freely). Defaults tuned
 * on the filter dev set (bench/filter-devset.ts): minWords 4 and minScore 0.05 dropped 2.3% of the
 * gold pairs for this rule alone (literary translation is free, and CC-CEDICT knows "leap", not
 * "leapt"); 6 and 0.04 drop 1.2%, and still catch about half the misaligned neighbours.
 */
export const lexical: FilterRule<{ minScore: number; minWords: number }> = {
  name: 'lexical',
  description:
    'dictionary coverage both ways (CC-CEDICT) below minScore, for pairs with at least minWords words a side',
  defaults: { minScore: 0.04, minWords: 6 },
  check(pair, p) {
    const c = dictionaryCoverage(pair.zh, pair.en);
    const score = Math.round(((c.zhToEn + c.enToZh) / 2) * 1000) / 1000;
    const judged = c.zhWords >= p.minWords && c.enWords >= p.minWords;
    return {
      score,
      pass: !judged || score >= p.minScore,
      why: `${pct(c.zhToEn)} of ${c.zhWords} zh words and ${pct(c.enToZh)} of ${c.enWords} en words translated${judged ? '' : ' (too few words to judge)'}`,
    };
  },
};

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
