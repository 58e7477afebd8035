import { hasDictionaryEntry } from '../lexicon/cedict.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import type { ChineseCandidate } from './chinese-candidates.js';
import { type EnglishCandidate, type EnglishWord, longer } from './english-candidates.js';

/**
 * How a Chinese candidate is matched by an English phrase on the second pass:
 * - `strict`: every word of both sides linked (lexically, or through a term accepted on the first pass);
 * - `dropped`: the English leaves out words inside the Chinese (成渝|地区双城|经济圈 ↔ "Chengdu-Chongqing
 *   economic circle"), both ends of the Chinese linked and every English word linked;
 * - `paired`: one unlinked run on each side in the same place — both the first modifier (全国 ↔
 *   Chinese) or both the head (促进会 ↔ Network) — translated freely; accepted only when the two
 *   phrases always come together across the document (see extract-terms.ts).
 */
export type MatchKind = 'strict' | 'dropped' | 'paired';

export interface GapMatch {
  candidate: EnglishCandidate;
  f1: number;
  kind: MatchKind;
}

/**
 * Weight of a word taken as translated by its place alone, against 1 for a lexical link: a gap is
 * weaker evidence than a dictionary. Set by hand so that a gap match seen once scores below a
 * perfect lexical match seen once (0.85) on the founding sample.
 */
const GAP_WEIGHT = 0.5;
/**
 * Most words an unlinked run may hold on either side of a paired gap (全国 ↔ Chinese, 促进会 ↔ Network:
 * one each on the founding sample; no paired or dropped match survives on mag dev, so nothing there
 * bounds it more tightly).
 */
const MAX_GAP_WORDS = 2;

/**
 * Second-pass matches of a Chinese candidate, given for each of its tokens the English words it links
 * to (lexical links plus those of terms accepted on the first pass). Returns the best strict or
 * dropped match if there is one, else every paired match of the best F1 (which one is right is left
 * to co-occurrence across pairs: 全国对外友协 ↔ "Chinese …" or "Chongqing …").
 */
export function gapMatches(
  candidate: ChineseCandidate,
  tokenLinks: readonly ReadonlySet<number>[],
  enCandidates: readonly EnglishCandidate[],
  words: readonly EnglishWord[],
  options: { minF1: number; allowDropped: boolean },
): GapMatch[] {
  const tokens = candidate.tokens;
  const last = tokens.length - 1;
  const chars = tokens.map((t) => t.word.replace(/·/g, '').length);
  const totalChars = chars.reduce((a, b) => a + b, 0);
  const namedTokens = tokens.filter((t) => t.word !== '·').length;
  let best: GapMatch | undefined;
  let paired: GapMatch[] = [];
  for (const en of enCandidates) {
    const linkedWords = new Set<number>();
    const unlinkedZh: number[] = [];
    tokens.forEach((token, i) => {
      // The dot between the parts of a foreign name (斯科特·托马斯) translates nothing and needs nothing.
      if (token.word === '·') return;
      let any = false;
      for (const k of tokenLinks[i]!) {
        if (k >= en.first && k <= en.last && words[k]!.content) {
          any = true;
          linkedWords.add(k);
        }
      }
      if (!any) unlinkedZh.push(i);
    });
    if (linkedWords.size === 0) continue;
    // One English word at least for each linked Chinese word, as on the first pass.
    if (linkedWords.size < namedTokens - unlinkedZh.length) continue;
    const unlinkedEn = en.contentWords.filter((k) => !linkedWords.has(k));
    const gapChars = unlinkedZh.reduce((n, i) => n + chars[i]!, 0);
    const zhShare = (totalChars - gapChars + GAP_WEIGHT * gapChars) / totalChars;
    const enShare = (linkedWords.size + GAP_WEIGHT * unlinkedEn.length) / en.contentWords.length;
    const f1 = (2 * zhShare * enShare) / (zhShare + enShare);
    if (f1 < options.minF1) continue;
    let kind: MatchKind;
    if (unlinkedZh.length === 0) {
      // Every English word must be accounted for: with a term's phrase links a stray word is easily
      // outweighed (对外友协副会长 ↔ "vice president of the *Chongqing* People's Association …").
      if (unlinkedEn.length > 0) continue;
      kind = 'strict';
    } else if (unlinkedEn.length === 0) {
      // Only inside: an unlinked first or last word means the English names something narrower.
      if (!options.allowDropped || unlinkedZh[0] === 0 || unlinkedZh.at(-1) === last) continue;
      if (!unlinkedZh.every((i) => droppable(tokens[i]!, tokenLinks[i]!))) continue;
      if (!inOrder(tokenLinks[0]!, tokenLinks[last]!, en)) continue;
      kind = 'dropped';
    } else {
      if (!en.capitalised || !pairedGap(unlinkedZh, unlinkedEn, last, en, words)) continue;
      // Only a whole name: "American Pain" of "American Pain Society" leaves 美国 ↔ American unproven.
      if (enCandidates.some((other) => other.capitalised && contains(other, en))) continue;
      kind = 'paired';
    }
    const match = { candidate: en, f1, kind };
    if (kind === 'paired') {
      if (paired.length === 0 || f1 > paired[0]!.f1) paired = [match];
      else if (f1 === paired[0]!.f1 && !paired.some((p) => p.candidate.key === en.key)) paired.push(match);
    } else if (!best || f1 > best.f1 || (f1 === best.f1 && longer(en, best.candidate))) best = match;
  }
  return best ? [best] : paired;
}

/**
 * A word English may leave out of a name: a common noun (tag n) that CC-CEDICT knows and that
 * translates no word of the English sentence (地区, 双城 in 成渝地区双城经济圈 ↔ "Chengdu-Chongqing
 * economic circle"). A name (胡丁厄) or a word translated elsewhere in the sentence (图书 ↔ "book"
 * in 主要图书批发商) is not left out but cut off (mag dev).
 */
function droppable(token: ChineseToken, links: ReadonlySet<number>): boolean {
  return token.tag === 'n' && links.size === 0 && hasDictionaryEntry(token.simplified);
}

/** Whether the first Chinese word's English comes before the last one's, as when a word inside is dropped. */
function inOrder(first: ReadonlySet<number>, last: ReadonlySet<number>, en: EnglishCandidate): boolean {
  const inside = (links: ReadonlySet<number>) => [...links].filter((k) => k >= en.first && k <= en.last);
  return Math.min(...inside(first)) < Math.min(...inside(last));
}

/** Whether the unlinked runs of both sides are short, contiguous and in the same place. */
function pairedGap(
  zh: readonly number[],
  en: readonly number[],
  lastToken: number,
  phrase: EnglishCandidate,
  words: readonly EnglishWord[],
): boolean {
  if (zh.length > MAX_GAP_WORDS || en.length > MAX_GAP_WORDS) return false;
  if (zh.at(-1)! - zh[0]! !== zh.length - 1) return false;
  const positions = en.map((k) => phrase.contentWords.indexOf(k));
  if (positions.at(-1)! - positions[0]! !== positions.length - 1) return false;
  const first = zh[0] === 0 && en[0] === phrase.first;
  const head = zh.at(-1) === lastToken && en.includes(englishHead(phrase, words));
  return first || head;
}

/**
 * The head of an English name: the last word before its first connector (China NGO *Network* for
 * International Exchanges), or its last word. The Chinese head is the last word.
 */
function englishHead(phrase: EnglishCandidate, words: readonly EnglishWord[]): number {
  for (let k = phrase.first + 1; k <= phrase.last; k++) if (!words[k]!.content) return k - 1;
  return phrase.last;
}

function contains(outer: EnglishCandidate, inner: EnglishCandidate): boolean {
  return (
    outer.first <= inner.first &&
    outer.last >= inner.last &&
    outer.last - outer.first > inner.last - inner.first
  );
}
