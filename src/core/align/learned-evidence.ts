import { type IdBead, internWord, type Model1Table, trainModel1 } from '../model1.js';
import type { RangeBead } from './search.js';

/** Beads used for training at most (a 100,000-sentence pair would otherwise need a huge table). */
const MAX_TRAINING_BEADS = 20_000;

/**
 * Word translation probabilities learned from the document pair itself: IBM Model 1 (Brown et al.
 * 1993, src/core/model1.ts) trained by EM on the beads of a first alignment, as Moore (2002) and
 * Bleualign-style two-pass aligners do. Literary translations render names and recurring words in
 * ways no dictionary lists (a hero's name translated as a nickname), and the document repeats them.
 *
 * Returns, per zh word type, the en stems it translates to with probability ≥ `threshold`; only
 * types seen at least `minCount` times on both sides are learned (a word seen once would just
 * learn its own bead back).
 */
export function learnTranslations(
  zhWords: readonly (readonly string[])[],
  enStems: readonly (readonly string[])[],
  beads: readonly RangeBead[],
  options: { iterations: number; threshold: number; minCount: number },
): Map<string, string[]> {
  // In phases, each a function of its own: V8 optimises each loop once, with the types it has
  // seen, where one long function was compiled again at each loop it entered hot (on mac-dev 9
  // compilations of it, of ~140 ms). The training itself is a WebAssembly kernel (model1.ts).
  if (options.iterations === 0) return new Map();
  const corpus = internBeads(zhWords, enStems, beads);
  const table = trainModel1(
    corpus.beads,
    corpus.zhIds.size,
    options.iterations,
    1 / Math.max(corpus.enIds.size, 1),
  );
  return readLearned(corpus, table, options);
}

/** The training beads' words as ids, with each type's count. */
interface Corpus {
  beads: IdBead[];
  zhIds: Map<string, number>;
  enIds: Map<string, number>;
  zhCount: number[];
  enCount: number[];
}

function internBeads(
  zhWords: readonly (readonly string[])[],
  enStems: readonly (readonly string[])[],
  beads: readonly RangeBead[],
): Corpus {
  const corpus: Corpus = { beads: [], zhIds: new Map(), enIds: new Map(), zhCount: [], enCount: [] };
  // Long documents: train on an even sample of beads, bounding the table's memory.
  const step = Math.max(1, Math.ceil(beads.length / MAX_TRAINING_BEADS));
  for (let b = 0; b < beads.length; b += step) {
    const bead = beads[b]!;
    if (bead.zhStart === bead.zhEnd || bead.enStart === bead.enEnd) continue;
    const zh: number[] = [];
    const en: number[] = [];
    for (let i = bead.zhStart; i < bead.zhEnd; i++)
      for (const w of zhWords[i]!) zh.push(internWord(corpus.zhIds, w, corpus.zhCount));
    for (let j = bead.enStart; j < bead.enEnd; j++)
      for (const s of enStems[j]!) en.push(internWord(corpus.enIds, s, corpus.enCount));
    if (zh.length > 0 && en.length > 0) corpus.beads.push({ zh, en });
  }
  return corpus;
}

/** Per zh word type, the en stems with t(e|f) ≥ threshold, both types seen ≥ minCount times. */
function readLearned(
  corpus: Corpus,
  { t, zhOf, enOf, nullId }: Model1Table,
  options: { threshold: number; minCount: number },
): Map<string, string[]> {
  const zhWordsById = [...corpus.zhIds.keys()];
  const enStemsById = [...corpus.enIds.keys()];
  const learned = new Map<string, string[]>();
  for (let slot = 0; slot < t.length; slot++) {
    if (t[slot]! < options.threshold) continue;
    const f = zhOf[slot]!;
    const e = enOf[slot]!;
    if (f === nullId || corpus.zhCount[f]! < options.minCount || corpus.enCount[e]! < options.minCount)
      continue;
    const word = zhWordsById[f]!;
    const list = learned.get(word) ?? [];
    list.push(enStemsById[e]!);
    learned.set(word, list);
  }
  return learned;
}
