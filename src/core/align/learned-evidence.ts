import type { RangeBead } from './search.js';

/**
 * Word translation probabilities learned from the document pair itself: IBM Model 1 (Brown et al.
 * 1993) trained by EM on the beads of a first alignment, as Moore (2002) and Bleualign-style
 * two-pass aligners do. Literary translations render names and recurring words in ways no
 * dictionary lists (a hero's name translated as a nickname), and the document repeats them.
 *
 * Returns, per zh word type, the en stems it translates to with probability ≥ `threshold`; only
 * types seen at least `minCount` times on both sides are learned (a word seen once would just
 * learn its own bead back).
 */
/** Beads used for training at most (a 100,000-sentence pair would otherwise need a huge table). */
const MAX_TRAINING_BEADS = 20_000;

export function learnTranslations(
  zhWords: readonly (readonly string[])[],
  enStems: readonly (readonly string[])[],
  beads: readonly RangeBead[],
  options: { iterations: number; threshold: number; minCount: number },
): Map<string, string[]> {
  const zhIds = new Map<string, number>();
  const enIds = new Map<string, number>();
  const zhCount: number[] = [];
  const enCount: number[] = [];
  const intern = (ids: Map<string, number>, counts: number[], w: string) => {
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size;
      ids.set(w, id);
      counts.push(0);
    }
    counts[id]!++;
    return id;
  };
  const pairs: { zh: number[]; en: number[] }[] = [];
  // Long documents: train on an even sample of beads, bounding the table's memory.
  const step = Math.max(1, Math.ceil(beads.length / MAX_TRAINING_BEADS));
  for (let b = 0; b < beads.length; b += step) {
    const bead = beads[b]!;
    if (bead.zhStart === bead.zhEnd || bead.enStart === bead.enEnd) continue;
    const zh: number[] = [];
    const en: number[] = [];
    for (let i = bead.zhStart; i < bead.zhEnd; i++)
      for (const w of zhWords[i]!) zh.push(intern(zhIds, zhCount, w));
    for (let j = bead.enStart; j < bead.enEnd; j++)
      for (const s of enStems[j]!) en.push(intern(enIds, enCount, s));
    if (zh.length > 0 && en.length > 0) pairs.push({ zh, en });
  }
  // t(e|f) in a sparse map keyed f·E + e; the NULL word (id −1) absorbs function words.
  const enTypes = enIds.size;
  const nullId = zhIds.size;
  let table = new Map<number, number>();
  const uniform = 1 / Math.max(enTypes, 1);
  const t = (f: number, e: number) => table.get(f * enTypes + e) ?? uniform;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const counts = new Map<number, number>();
    const totals = new Float64Array(nullId + 1);
    for (const { zh, en } of pairs) {
      for (const e of en) {
        let norm = t(nullId, e);
        for (const f of zh) norm += t(f, e);
        const addTo = (f: number) => {
          const share = t(f, e) / norm;
          const key = f * enTypes + e;
          counts.set(key, (counts.get(key) ?? 0) + share);
          totals[f]! += share;
        };
        addTo(nullId);
        for (const f of zh) addTo(f);
      }
    }
    table = new Map();
    for (const [key, count] of counts) table.set(key, count / totals[Math.floor(key / enTypes)]!);
  }
  const zhWordsById = [...zhIds.keys()];
  const enStemsById = [...enIds.keys()];
  const learned = new Map<string, string[]>();
  for (const [key, probability] of table) {
    if (probability < options.threshold) continue;
    const f = Math.floor(key / enTypes);
    const e = key % enTypes;
    if (f === nullId || zhCount[f]! < options.minCount || enCount[e]! < options.minCount) continue;
    const word = zhWordsById[f]!;
    const list = learned.get(word) ?? [];
    list.push(enStemsById[e]!);
    learned.set(word, list);
  }
  return learned;
}
