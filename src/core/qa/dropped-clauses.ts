import { type DocumentLinks, linkDocument } from './document-links.js';
import { omissionScore } from './omission-model.js';
import type { QaPair, Span } from './types.js';
import type { ContentWords } from './word-links.js';

/** The evidence that one clause of a pair's Chinese has no counterpart in the English. */
export interface ClauseFeatures {
  /** Log-likelihood ratio, dropped against translated, of the clause's words linking as they do. */
  evidence: number;
  /** The pair's log length ratio (English / Chinese characters) less the document's median, over its spread. */
  lengthZ: number;
  /**
   * Log-likelihood ratio of the pair's length, dropped against translated: log ratios spread about the
   * document's median as a normal of the document's own spread (MAD), centred on log(1 − share) when
   * the clause is lost.
   */
  lengthEvidence: number;
  /**
   * The pair's length difference as Gale & Church (1993) normalise it ((en − c·zh) / √zh, c the
   * document's ratio), less the document's median, over its spread.
   */
  gcZ: number;
  /** gcZ's log-likelihood ratio, the clause lost (a shortfall of share · c · zh characters) against not. */
  gcEvidence: number;
  /** Share of the Chinese content characters the clause holds. */
  share: number;
  /**
   * Room left in the English for the clause: log of (English content words no Chinese word outside the
   * clause links to, + 1) over (what the clause's length predicts at the document's rate, + 1).
   */
  room: number;
  /**
   * Room between the clause's neighbours in the English: log of (English content words between the
   * last link of the nearest linked word before the clause and the first link of the nearest after, + 1)
   * over the clause's expected length (+ 1); room's count where the neighbours' links cross.
   */
  gap: number;
  /** 1 where the neighbours' links cross (the English reorders), else 0. */
  crossing: number;
  /** Share of the clause's content words that link into the English. */
  linked: number;
  /** 1 for a run of words inside a clause (a sentence with no clause of the right size), else 0. */
  window: number;
  /** The pair's English pieces per Chinese piece (log), less the document's median, over its spread. */
  pieces: number;
}

/** A clause of a pair's Chinese that may have no counterpart in the English. */
export interface ClauseSuspect extends ClauseFeatures {
  span: Span;
  /** The model's log-odds that the clause was dropped (omission-model.ts). */
  score: number;
}

/** Punctuation that ends a clause of Chinese. */
const CLAUSE_END = /[，,；;：:。！？!?“”「」『』（）()—…]/u;
/** A speaker's tag (韦小宝道：, 他笑道：“): English dialogue often leaves it out or moves it, a liberty. */
const SPEECH_TAG =
  /^[”」]?[^，。；！？“”]{0,10}?(?:道|说|笑道|问|问道|叫道|答道|喊道|骂道)[：:，,。！？]?\s*[“「]?$/u;
/** Fewer Han characters than this and a sentence has no clause worth 20% of it to lose. */
const MIN_SENTENCE_HAN = 12;
/** The least spread of log length ratios assumed, for a document too short or too regular to show one. */
const MIN_SPREAD = 0.15;

/**
 * For each pair, the candidate clauses (one or two punctuation-delimited pieces holding 20–80% of its
 * content) with the evidence that each has no counterpart in the English; an empty list where the
 * pair has no such clause.
 *
 * A Chinese word is linked when it has a counterpart in the English (word-links.ts). Dictionary and
 * learned links cover only about half of a clean pair, unevenly (说 links almost always, a hapax
 * idiom almost never), so each word's rates are the document's own: p_w, how often the word links
 * into its own pair's English, and q_w, how often into an unrelated English sentence of the document
 * (chance). A clause's link evidence is the log-likelihood ratio Σ log(q/p) over its linked words plus
 * Σ log((1−q)/(1−p)) over the rest: a clause of words that usually link and now do not scores high; a
 * clause of words nothing links (names told once, free renderings) scores near zero. The English side
 * gives the room: a clause translated freely leaves English words no other clause accounts for, a
 * dropped one leaves none.
 */
export function clauseCandidates(
  pairs: readonly QaPair[],
  links: DocumentLinks = linkDocument(pairs),
): { span: Span; features: ClauseFeatures }[][] {
  const { words, own, zhRates: rates } = links;
  const filled = words.flatMap((w, i) => (w ? [i] : []));
  let zhChars = 0;
  let enWords = 0;
  for (const index of filled) {
    const w = words[index]!;
    zhChars += w.zh.reduce((sum, z) => sum + z.word.length, 0);
    enWords += w.en.length;
  }
  /** English content words per Chinese content character, over the document. */
  const enPerZhChar = zhChars ? enWords / zhChars : 0.7;
  // Gale & Church (1993): English length ~ c · Chinese length, with a variance that grows with the
  // length, so a long sentence's shortfall says more than a short one's. c and s² are the document's
  // own (median ratio; MAD of the normalised differences).
  const lengthRatio = median(filled.map((i) => enLength(pairs[i]!) / zhLength(pairs[i]!)));
  const gcDelta = (pair: QaPair) =>
    (enLength(pair) - lengthRatio * zhLength(pair)) / Math.sqrt(zhLength(pair));
  const gcDeltas = filled.map((i) => gcDelta(pairs[i]!));
  const gcCentre = median(gcDeltas);
  const gcSpread = Math.max(0.5, 1.4826 * median(gcDeltas.map((d) => Math.abs(d - gcCentre))));
  const ratios = filled.map((i) => logRatio(pairs[i]!));
  const medianRatio = median(ratios);
  // 1.4826 · MAD estimates a normal's σ, robust to the pairs that are not translations of each other.
  const spread = Math.max(MIN_SPREAD, 1.4826 * median(ratios.map((r) => Math.abs(r - medianRatio))));
  const pieceRatios = filled.map((i) => pieceRatio(pairs[i]!));
  const medianPieces = median(pieceRatios);
  const pieceSpread = Math.max(0.1, 1.4826 * median(pieceRatios.map((r) => Math.abs(r - medianPieces))));
  return pairs.map((pair, index) => {
    const w = words[index];
    if (!w || w.zh.length === 0) return [];
    if ((pair.zh.match(/\p{Script=Han}/gu) ?? []).length < MIN_SENTENCE_HAN) return [];
    const targets = own.get(index)!;
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
    if (contentChars === 0) return [];
    const shortfall = logRatio(pair) - medianRatio;
    const gcZ = (gcDelta(pair) - gcCentre) / gcSpread;
    const pieces = (pieceRatio(pair) - medianPieces) / pieceSpread;
    const candidates: { span: Span; features: ClauseFeatures }[] = [];
    const weigh = (from: number, to: number) => {
      let chars = 0;
      let evidence = 0;
      let linkedWords = 0;
      let clauseWords = 0;
      const outside = new Set<number>();
      w.zh.forEach((z, i) => {
        const inside = z.start >= from && z.end <= to;
        if (!inside) {
          for (const t of targets[i]!) outside.add(t);
          return;
        }
        if (inTag(z.start)) return;
        chars += z.word.length;
        clauseWords++;
        const linked = targets[i]!.length > 0;
        if (linked) linkedWords++;
        const { p, q } = rates(z.simplified);
        evidence += linked ? Math.log(q / p) : Math.log((1 - q) / (1 - p));
      });
      const share = chars / contentChars;
      if (share < 0.2 || share > 0.8) return;
      const expected = Math.log(1 - share);
      const lengthEvidence = (shortfall ** 2 - (shortfall - expected) ** 2) / (2 * spread ** 2);
      // The same test on Gale & Church's scale: a lost clause takes about share · c · zh characters.
      const gcExpected = (-share * lengthRatio * Math.sqrt(zhLength(pair))) / gcSpread;
      const gcEvidence = (gcZ ** 2 - (gcZ - gcExpected) ** 2) / 2;
      const expectedWords = chars * enPerZhChar + 1;
      const room = Math.log((w.en.length - outside.size + 1) / expectedWords);
      const gapWords = gapBetweenNeighbours(w, targets, from, to);
      const gap = Math.log(((gapWords ?? w.en.length - outside.size) + 1) / expectedWords);
      candidates.push({
        span: trimSpan(pair.zh, from, to),
        features: {
          evidence,
          lengthZ: shortfall / spread,
          lengthEvidence,
          gcZ,
          gcEvidence,
          share,
          room,
          gap,
          crossing: gapWords === undefined ? 1 : 0,
          linked: clauseWords ? linkedWords / clauseWords : 0,
          window: window ? 1 : 0,
          pieces,
        },
      });
    };
    let window = false;
    for (let a = 0; a + 1 < cuts.length; a++) {
      for (let b = a + 1; b < cuts.length && b <= a + 2; b++) weigh(cuts[a]!, cuts[b]!);
    }
    // A sentence with no clause of the right size (no comma, or one clause holding most of it): runs
    // of two to six content words instead.
    if (candidates.length === 0) {
      window = true;
      for (let a = 0; a < w.zh.length; a++) {
        for (let b = a + 1; b < w.zh.length && b <= a + 6; b++) weigh(w.zh[a]!.start, w.zh[b]!.end);
      }
    }
    return candidates;
  });
}

/** For each pair, its clause most likely dropped by the model (omission-model.ts), or undefined. */
export function findClauseSuspects(
  pairs: readonly QaPair[],
  links?: DocumentLinks,
): (ClauseSuspect | undefined)[] {
  return clauseCandidates(pairs, links).map((candidates) => {
    let best: ClauseSuspect | undefined;
    for (const { span, features } of candidates) {
      const score = omissionScore(features);
      if (!best || score > best.score) best = { span, score, ...features };
    }
    return best;
  });
}

/**
 * English content words between the links of the clause's nearest linked neighbours: after the last
 * English word the nearest linked Chinese word before the clause links to, and before the first one the
 * nearest linked word after it links to (the sentence's ends where it has none). Undefined where the two
 * cross.
 */
function gapBetweenNeighbours(
  w: ContentWords,
  targets: readonly number[][],
  from: number,
  to: number,
): number | undefined {
  let before: number[] | undefined;
  let after: number[] | undefined;
  w.zh.forEach((z, i) => {
    if (targets[i]!.length === 0) return;
    if (z.end <= from) before = targets[i];
    else if (z.start >= to && !after) after = targets[i];
  });
  const last = before ? Math.max(...before) : -1;
  const first = after ? Math.min(...after) : w.en.length;
  return last < first ? first - last - 1 : undefined;
}

/** The clause without its surrounding white space and closing punctuation. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s“”「」『』（）()]/u.test(text[s]!)) s++;
  while (e > s && /[\s，,；;：:。！？!?“”「」『』（）()—…]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** A pair's lengths as the length tests count them: English characters, Chinese ones without spaces. */
const enLength = (pair: QaPair) => pair.en.trim().length;
const zhLength = (pair: QaPair) => Math.max(1, pair.zh.replace(/\s/g, '').length);

/** log of the English's pieces (between , ; :) per Chinese piece (between ，；：, and the like). */
function pieceRatio(pair: QaPair): number {
  const en = (pair.en.match(/[,;:](?:\s|$)/g) ?? []).length + 1;
  const zh = (pair.zh.match(/[，,；;：:、]/gu) ?? []).length + 1;
  return Math.log(en / zh);
}

export function logRatio(pair: QaPair): number {
  return Math.log(enLength(pair) / zhLength(pair));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
