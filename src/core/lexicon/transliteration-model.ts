import { BoundedCache } from '../bounded-cache.js';
import { readingsOf } from './pinyin.js';

/*
 * How well an English spelling fits a foreign name written in Chinese characters (科尔布 ke er bu ↔
 * Kolb; 斯蒂芬 si di fen ↔ Stephen), as a cost: the cheapest way to spell each syllable in English
 * letters, syllable by syllable, under the conventions Chinese uses for foreign names (Xinhua's
 * 外国人名译名 tables, read the other way):
 *  - each pinyin initial stands for one of a few English consonant spellings (克 ke: k, c, ck, ch;
 *    尔 er: r, l; 布 bu: b, p; 特 te: t, d, th; 斯 si: s, ss, c, z);
 *  - the syllables of a bare consonant (斯 si, 克 ke, 特 te, 德 de, 布 bu, 夫 fu, 姆 mu, 格 ge, 兹 zi,
 *    勒 le, 伯 bo) carry a vowel only to be pronounceable: English writes the consonant alone
 *    (Kolb, Stephen), so their vowel is cheap to drop; any other syllable's vowel is written;
 *  - a final -n or -ng is an English n or m (森 sen: son, sen; 曼 man: man, mann);
 *  - English letters Chinese leaves unwritten cost little when they are silent or doubled (the h of
 *    th, ph, rh; a final e; ll, tt) and much when they are sounded consonants.
 * Costs are hand-set, not fitted: 0 for the pinyin letter itself, a few tenths for a usual spelling,
 * a unit or more for a sound the Chinese does not have. What they were checked on is said where the
 * cost is used (QA's name check).
 */

/** A pinyin syllable cut for spelling: its initial consonant, vowels and nasal ending. */
interface Syllable {
  initial: string;
  vowels: string;
  nasal: boolean;
  /** The nasal as pinyin writes it (n, ng), which English may write alike at no cost. */
  ending: string;
  /** 尔/儿 er: an English r or l, with or without a vowel. */
  er: boolean;
  /** A syllable Chinese uses for a consonant alone (斯 si, 克 ke, 布 bu). */
  bare: boolean;
}

/** English spellings of each pinyin initial, with their costs ('' for a syllable with none). */
const ONSETS: Record<string, readonly [string, number][]> = {
  b: [
    ['b', 0],
    ['bb', 0.1],
    ['p', 0.4],
    ['v', 0.8],
  ],
  p: [
    ['p', 0],
    ['pp', 0.1],
    ['b', 0.4],
    ['ph', 0.6],
  ],
  m: [
    ['m', 0],
    ['mm', 0.1],
  ],
  f: [
    ['f', 0],
    ['ff', 0.1],
    ['ph', 0],
    ['pf', 0.2],
    ['v', 0.2],
    ['w', 0.6],
  ],
  d: [
    ['d', 0],
    ['dd', 0.1],
    ['t', 0.3],
    ['th', 0.5],
  ],
  t: [
    ['t', 0],
    ['tt', 0.1],
    ['th', 0.2],
    ['dt', 0.1],
    ['d', 0.3],
  ],
  n: [
    ['n', 0],
    ['nn', 0.1],
    ['kn', 0.4],
    ['gn', 0.4],
  ],
  l: [
    ['l', 0],
    ['ll', 0.1],
    ['r', 0.2],
    ['rr', 0.3],
  ],
  g: [
    ['g', 0],
    ['gg', 0.1],
    ['gh', 0.2],
    ['gu', 0.3],
    ['k', 0.4],
    ['c', 0.4],
  ],
  k: [
    ['k', 0],
    ['c', 0],
    ['ck', 0.1],
    ['kk', 0.1],
    ['cc', 0.2],
    ['ch', 0.3],
    ['q', 0.3],
    ['qu', 0.3],
    ['kh', 0.3],
    ['g', 0.4],
  ],
  h: [
    ['h', 0],
    ['ch', 0.4],
    ['kh', 0.4],
    ['wh', 0.5],
    ['', 0.5],
    ['j', 0.6],
    ['g', 0.6],
  ],
  j: [
    ['j', 0],
    ['g', 0.1],
    ['dg', 0.3],
    ['dj', 0.3],
    ['k', 0.4],
    ['y', 0.5],
    ['z', 0.5],
    ['zh', 0.5],
    ['ch', 0.5],
  ],
  q: [
    ['q', 0],
    ['ch', 0],
    ['tch', 0.3],
    ['qu', 0.3],
    ['k', 0.4],
    ['c', 0.4],
    ['j', 0.4],
    ['z', 0.4],
    ['zz', 0.4],
    ['ts', 0.5],
  ],
  x: [
    ['x', 0],
    ['sh', 0],
    ['s', 0.1],
    ['sch', 0.3],
    ['c', 0.3],
    ['ss', 0.3],
    ['z', 0.4],
    ['ch', 0.5],
    ['h', 0.2],
  ],
  zh: [
    ['zh', 0],
    ['j', 0],
    ['g', 0.2],
    ['ch', 0.3],
    ['z', 0.4],
  ],
  ch: [
    ['ch', 0],
    ['tch', 0.2],
    ['c', 0.4],
    ['sh', 0.5],
    ['k', 0.5],
  ],
  sh: [
    ['sh', 0],
    ['s', 0.2],
    ['sch', 0.2],
    ['ch', 0.3],
  ],
  r: [
    ['r', 0],
    ['rr', 0.1],
    ['l', 0.3],
    ['j', 0.4],
  ],
  z: [
    ['z', 0],
    ['tz', 0.2],
    ['s', 0.2],
    ['ts', 0.3],
    ['zz', 0.1],
    ['c', 0.4],
  ],
  c: [
    ['c', 0],
    ['ts', 0.1],
    ['tz', 0.1],
    ['z', 0.2],
    ['s', 0.4],
    ['ch', 0.4],
  ],
  s: [
    ['s', 0],
    ['ss', 0.1],
    ['c', 0.1],
    ['sc', 0.2],
    ['z', 0.2],
    ['th', 0.4],
    ['x', 0.5],
  ],
  y: [
    ['y', 0],
    ['', 0.1],
    ['i', 0.2],
    ['j', 0.3],
  ],
  w: [
    ['w', 0],
    ['v', 0.1],
    ['wh', 0.1],
    ['', 0.3],
    ['u', 0.3],
  ],
  '': [
    ['', 0],
    ['h', 0.4],
  ],
};

const INITIAL = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?/;
const VOWEL_LETTERS = 'aeiouy';

/** Each cost below; see the module comment. */
const COST = {
  /** A bare-consonant syllable's vowel written (斯 as "se"), or dropped. */
  bareVowel: 0.3,
  bareDropped: 0.1,
  /** Any other syllable's vowel dropped (里 as a lone r). */
  vowelDropped: 1.2,
  /** English vowels none of the syllable's vowels (a, e for 迪 di). */
  vowelUnlike: 0.3,
  /** A Chinese -n/-ng English does not write, or an English n/m the syllable has not. */
  nasalMissing: 0.9,
  nasalAdded: 0.9,
  /** An English r after a vowel (Carter, 卡特): British ears do not hear it. */
  silentR: 0.3,
  /** An English l after a vowel the Chinese leaves out. */
  unwrittenL: 0.8,
  /** 尔 with no English r or l. */
  erDropped: 1.0,
  /** A syllable English does not spell at all. */
  syllableDropped: 1.5,
  /** English letters between syllables that no syllable spells. */
  silentH: 0.3,
  finalE: 0.2,
  doubled: 0.1,
  extraVowel: 0.6,
  extraConsonant: 1.5,
} as const;

/** Letters one syllable may spell at most (sch + ie + nn). */
const MAX_CHUNK = 7;

/** Syllables cut, by pinyin: a name's syllables are spelled against hundreds of candidate spellings. */
const cuts = new BoundedCache<string, Syllable>(5_000);

function cutSyllable(pinyin: string): Syllable {
  return cuts.memo(pinyin, cutPinyin);
}

/** A syllable cut for spelling (ke → k + e, bare; lüe → l + üe; er → er). */
function cutPinyin(pinyin: string): Syllable {
  const p = pinyin.toLowerCase().replace(/ü|v/g, 'u');
  const initial = INITIAL.exec(p)![0];
  let rest = p.slice(initial.length);
  const er = rest === 'er' && initial === '';
  const nasal = !er && /ng?$/.test(rest);
  const ending = nasal ? /ng?$/.exec(rest)![0] : '';
  if (nasal) rest = rest.replace(/ng?$/, '');
  // The vowel of zi, ci, si, zhi, chi, shi, ri, of ke, te, de, ge, le, he, of bu, pu, fu, mu and of
  // bo, po, fo is only there to be said (斯 s, 克 k, 布 b, 伯 b); so is the e of en, eng (恩 n).
  const bare =
    (nasal && rest === 'e' && initial === '') ||
    (!nasal &&
      ((rest === 'i' && /^(?:z|c|s|zh|ch|sh|r)$/.test(initial)) ||
        (rest === 'e' && initial !== '') ||
        (rest === 'u' && /^[bpfmdtgkh]$/.test(initial)) ||
        (rest === 'o' && /^[bpmf]$/.test(initial))));
  return { initial: er ? '' : initial, vowels: er ? '' : rest, nasal, ending, er, bare };
}

/** The syllables of a Chinese name as the model reads them: each character's most common reading. */
export function nameSyllables(zh: string): string[] {
  return [...zh].map((c) => readingsOf(c)[0] ?? c);
}

/**
 * English letters as the model compares them: lower case, letters only; c before e, i or y is the
 * s it says (Cecil), ck a k, qu a k (a final que too: Albuquerque) and x the ks it says
 * (Alexa, 亚历克萨; an initial x a z: Xavier).
 */
export function spellingLetters(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck/g, 'k')
    .replace(/xx/g, 'x')
    .replace(/que$/, 'k')
    .replace(/qu/g, 'k')
    .replace(/^x/, 'z')
    .replace(/x/g, 'ks');
}

/**
 * The cost of spelling the syllables (pinyin, toneless) as the English word, 0 for a perfect fit
 * (王 wang ↔ Wang; 科尔布 ↔ Kolb costs the dropped vowels of 科 and 布 only). Lower is a better fit;
 * compare costs of two spellings against the same syllables.
 */
export function transliterationCost(syllables: readonly string[], word: string): number {
  const letters = spellingLetters(word);
  const cut = syllables.map(cutSyllable);
  const n = letters.length;
  // best[i][j]: the cheapest spelling of the first i syllables as the first j letters.
  let previous = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  previous[0] = 0;
  relaxInsertions(previous, letters);
  for (const syllable of cut) {
    const next = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
    for (let j = 0; j <= n; j++) {
      const base = previous[j]!;
      if (base === Number.POSITIVE_INFINITY) continue;
      next[j] = Math.min(next[j]!, base + COST.syllableDropped);
      for (const [onset, onsetCost] of ONSETS[syllable.initial] ?? [['', 0]]) {
        if (!letters.startsWith(onset, j)) continue;
        const from = j + onset.length;
        for (let to = from; to <= Math.min(n, j + MAX_CHUNK); to++) {
          if (to === j) continue;
          const rest = restCost(syllable, letters.slice(from, to));
          if (rest === Number.POSITIVE_INFINITY) continue;
          const cost = base + onsetCost + rest;
          if (cost < next[to]!) next[to] = cost;
        }
      }
    }
    relaxInsertions(next, letters);
    previous = next;
  }
  return previous[n]!;
}

/** Letters no syllable spells, taken one at a time after position j (in place). */
function relaxInsertions(costs: Float64Array, letters: string): void {
  for (let j = 0; j < letters.length; j++) {
    const base = costs[j]!;
    if (base === Number.POSITIVE_INFINITY) continue;
    const cost = base + insertionCost(letters, j);
    if (cost < costs[j + 1]!) costs[j + 1] = cost;
  }
}

function insertionCost(letters: string, at: number): number {
  const letter = letters[at]!;
  if (at > 0 && letters[at - 1] === letter) return COST.doubled;
  if (letter === 'h' && at > 0) return COST.silentH;
  if (letter === 'e' && at === letters.length - 1) return COST.finalE;
  return VOWEL_LETTERS.includes(letter) ? COST.extraVowel : COST.extraConsonant;
}

/** The cost of the letters after a syllable's onset: its vowels and ending; infinite if they cannot be. */
function restCost(syllable: Syllable, rest: string): number {
  if (syllable.er) return erCost(rest);
  // rest = vowels (with an h or w after them: ah, ow) + an ending.
  const vowelEnd = /^[aeiouy]*(?:(?<=[aeiouy])[hw])?/.exec(rest)![0].length;
  let best = Number.POSITIVE_INFINITY;
  for (let split = 0; split <= vowelEnd; split++) {
    const vowels = rest.slice(0, split);
    if (split < vowelEnd && /[hw]$/.test(vowels)) continue;
    const ending = endingCost(syllable, rest.slice(split), vowels.length > 0);
    if (ending === Number.POSITIVE_INFINITY) continue;
    best = Math.min(best, vowelCost(syllable, vowels) + ending);
  }
  return best;
}

function vowelCost(syllable: Syllable, vowels: string): number {
  if (!vowels) return syllable.bare ? COST.bareDropped : COST.vowelDropped;
  if (syllable.bare) return COST.bareVowel;
  // Pinyin e is a schwa English writes with any vowel, and pinyin leaves it out of un, ui (uen, uei:
  // 伦 lun for Soren) and the o out of iu (iou); y is a vowel English writes for i.
  const full =
    syllable.vowels === 'u' && syllable.ending === 'n'
      ? 'uen'
      : (FULL_FINALS[syllable.vowels] ?? syllable.vowels);
  const heard = full.includes('e') ? VOWEL_LETTERS : full.replace('i', 'iey');
  return [...vowels].some((v) => heard.includes(v)) ? 0 : COST.vowelUnlike;
}

/** Pinyin's short spellings of two finals, written out (and un, uen, where the nasal is cut). */
const FULL_FINALS: Record<string, string> = { ui: 'uei', iu: 'iou' };

const NASAL_ENDINGS: Record<string, number> = { n: 0, nn: 0.05, ng: 0.1, m: 0.3, mm: 0.35, nd: 0.6, ne: 0.1 };

function endingCost(syllable: Syllable, ending: string, voweled: boolean): number {
  if (syllable.nasal) {
    if (ending === '') return COST.nasalMissing;
    if (ending === syllable.ending) return 0;
    return NASAL_ENDINGS[ending] ?? Number.POSITIVE_INFINITY;
  }
  if (ending === '') return 0;
  if (!voweled) return Number.POSITIVE_INFINITY;
  if (ending === 'r') return COST.silentR;
  if (ending === 'l') return COST.unwrittenL;
  if (ending === 'n' || ending === 'm') return COST.nasalAdded;
  return Number.POSITIVE_INFINITY;
}

/** 尔 er: an English r or l, alone or with a vowel before or after it (Kolb, Albert, Tyrell). */
function erCost(rest: string): number {
  if (rest === '') return COST.erDropped;
  if (/^(?:[aeiouy]?(?:r|rr|l|ll)e?)$/.test(rest)) return rest.length === 1 ? 0 : 0.1;
  return Number.POSITIVE_INFINITY;
}
