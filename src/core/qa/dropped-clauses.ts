import type { QaPair, Span } from './types.js';
import { type ContentWords, contentWords, learnTable, linksInto } from './word-links.js';

/** A clause of a pair's Chinese that may have no counterpart in the English. */
export interface ClauseSuspect {
  span: Span;
  /** Share of the Chinese content characters the clause holds. */
  share: number;
  /** Log-likelihood ratio, dropped against translated, of the clause's words linking as they do. */
  evidence: number;
  /** The pair's log length ratio (English / Chinese characters) less the document's median. */
  shortfall: number;
  /**
   * Log-likelihood ratio of that shortfall, dropped against translated: log ratios spread about the
   * document's median as a normal of the document's own spread (MAD), centred on log(1 − share) when
   * the clause is lost.
   */
  lengthEvidence: number;
}

/** Punctuation that ends a clause of Chinese. */
const CLAUSE_END = /[，,；;：:。！？!?“”「」『』（）()—…]/u;
/** A speaker's tag (韦小宝道：, 他笑道：“): English dialogue often leaves it out or moves it, a liberty. */
const SPEECH_TAG =
  /^[”」]?[^，。；！？“”]{0,10}?(?:道|说|笑道|问|问道|叫道|答道|喊道|骂道)[：:，,。！？]?\s*[“「]?$/u;
/** Fewer Han characters than this and a sentence has no clause worth 20% of it to lose. */
const MIN_SENTENCE_HAN = 12;
/** English sentences the link rates are compared against: pairs this far away, by chance. */
const CHANCE_OFFSETS = [7, 19, 41];
/** Pseudo-count pulling a word's own rates toward the document's (additive smoothing). */
const SMOOTHING = 2;
/** The least spread of log length ratios assumed, for a document too short or too regular to show one. */
const MIN_SPREAD = 0.15;

/**
 * For each pair, the Chinese clause (one or two punctuation-delimited pieces holding 20–80% of its
 * content) whose words most look unrendered in the English, or undefined.
 *
 * A Chinese word is linked when it has a counterpart in the English (word-links.ts). Dictionary and
 * learned links cover only about half of a clean pair, unevenly (说 links almost always, a hapax
 * idiom almost never), so each word's rates are the document's own: p_w, how often the word links
 * into its own pair's English, and q_w, how often into an unrelated English sentence of the document
 * (chance). A clause's evidence is the log-likelihood ratio Σ log(q/p) over its linked words plus
 * Σ log((1−q)/(1−p)) over the rest: a clause of words that usually link and now do not scores high; a
 * clause of words nothing links (names told once, free renderings) scores near zero.
 */
export function findClauseSuspects(pairs: readonly QaPair[]): (ClauseSuspect | undefined)[] {
  const words = pairs.map((pair) => (pair.zh.trim() && pair.en.trim() ? contentWords(pair) : undefined));
  const table = learnTable(words.filter((w): w is ContentWords => w !== undefined));
  const filled = words.flatMap((w, i) => (w ? [i] : []));
  const own = new Map<number, boolean[]>();
  const counts = new Map<string, { n: number; own: number; chance: number }>();
  let totalOwn = 0;
  let totalChance = 0;
  let total = 0;
  filled.forEach((index, k) => {
    const w = words[index]!;
    const links = w.zh.map((z) => linksInto(z, w.en, table));
    own.set(index, links);
    w.zh.forEach((z, i) => {
      let chance = 0;
      for (const offset of CHANCE_OFFSETS) {
        const other = words[filled[(k + offset) % filled.length]!]!;
        if (other !== w && linksInto(z, other.en, table)) chance++;
      }
      const c = counts.get(z.simplified) ?? { n: 0, own: 0, chance: 0 };
      c.n++;
      c.own += links[i] ? 1 : 0;
      c.chance += chance / CHANCE_OFFSETS.length;
      counts.set(z.simplified, c);
      totalOwn += links[i] ? 1 : 0;
      totalChance += chance / CHANCE_OFFSETS.length;
      total++;
    });
  });
  const meanOwn = total ? totalOwn / total : 0.5;
  const meanChance = total ? totalChance / total : 0.1;
  const rates = (word: string) => {
    const c = counts.get(word)!;
    const p = (c.own + SMOOTHING * meanOwn) / (c.n + SMOOTHING);
    const q = (c.chance + SMOOTHING * meanChance) / (c.n + SMOOTHING);
    return { p: clamp(p), q: clamp(q) };
  };
  const ratios = filled.map((i) => logRatio(pairs[i]!));
  const medianRatio = median(ratios);
  // 1.4826 · MAD estimates a normal's σ, robust to the pairs that are not translations of each other.
  const spread = Math.max(MIN_SPREAD, 1.4826 * median(ratios.map((r) => Math.abs(r - medianRatio))));
  return pairs.map((pair, index) => {
    const w = words[index];
    if (!w || w.zh.length === 0) return undefined;
    if ((pair.zh.match(/\p{Script=Han}/gu) ?? []).length < MIN_SENTENCE_HAN) return undefined;
    const links = own.get(index)!;
    const cuts = [0];
    for (let i = 0; i < pair.zh.length; i++) if (CLAUSE_END.test(pair.zh[i]!)) cuts.push(i + 1);
    if (cuts.at(-1) !== pair.zh.length) cuts.push(pair.zh.length);
    const tags: Span[] = [];
    for (let c = 0; c + 1 < cuts.length; c++) {
      if (SPEECH_TAG.test(pair.zh.slice(cuts[c]!, cuts[c + 1]!).trim()))
        tags.push({ start: cuts[c]!, end: cuts[c + 1]! });
    }
    const inTag = (at: number) => tags.some((t) => at >= t.start && at < t.end);
    const contentChars = w.zh.reduce((sum, z) => sum + (inTag(z.start) ? 0 : z.word.length), 0);
    if (contentChars === 0) return undefined;
    const shortfall = logRatio(pair) - medianRatio;
    let best: ClauseSuspect | undefined;
    for (let a = 0; a + 1 < cuts.length; a++) {
      for (let b = a + 1; b < cuts.length && b <= a + 2; b++) {
        let chars = 0;
        let evidence = 0;
        w.zh.forEach((z, i) => {
          if (z.start < cuts[a]! || z.end > cuts[b]! || inTag(z.start)) return;
          chars += z.word.length;
          const { p, q } = rates(z.simplified);
          evidence += links[i] ? Math.log(q / p) : Math.log((1 - q) / (1 - p));
        });
        const share = chars / contentChars;
        if (share < 0.2 || share > 0.8) continue;
        const expected = Math.log(1 - share);
        const lengthEvidence = (shortfall ** 2 - (shortfall - expected) ** 2) / (2 * spread ** 2);
        if (!best || evidence + lengthEvidence > best.evidence + best.lengthEvidence) {
          best = { span: trimSpan(pair.zh, cuts[a]!, cuts[b]!), share, evidence, shortfall, lengthEvidence };
        }
      }
    }
    return best;
  });
}

function clamp(rate: number): number {
  return Math.min(0.98, Math.max(0.02, rate));
}

/** The clause without its surrounding white space and closing punctuation. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s“”「」『』（）()]/u.test(text[s]!)) s++;
  while (e > s && /[\s，,；;：:。！？!?“”「」『』（）()—…]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

export function logRatio(pair: QaPair): number {
  return Math.log(pair.en.trim().length / Math.max(1, pair.zh.replace(/\s/g, '').length));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
