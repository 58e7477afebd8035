import { hasDictionaryEntry, lookupGlosses } from '../lexicon/cedict.js';
import { type ChineseToken, tagChinese } from '../lexicon/jieba.js';
import { findChineseNames } from '../names/index.js';
import { isNonNominalChinese } from './part-of-speech.js';
import type { TermKind } from './types.js';

/** A Chinese term candidate: a run of noun-like jieba words. */
export interface ChineseCandidate {
  text: string;
  /** Folded to Simplified: the key candidates are counted by. */
  key: string;
  start: number;
  end: number;
  tokens: ChineseToken[];
  kind: TermKind;
}

/** jieba tags of words that can be part of a term: nouns, names, distinguishing words (二级), abbreviations. */
const NOUNISH = new Set([
  'n',
  'nr',
  'nrfg',
  'nrt',
  'ns',
  'nt',
  'nz',
  'vn',
  'b',
  'j',
  'x',
  'an',
  'ng',
  'l',
  'person',
]);
const MAX_TOKENS = 5;
/** Institution words jieba may tag as verbs (促进会 v): they end organisation names. */
const INSTITUTION = /^(?:\p{Script=Han}*(?:协会|委员会|中心|联合会)|\p{Script=Han}{2,}会)$/u;
/** Words that modify a following noun and so cannot end a term (重庆市民间 … is cut short). */
const MODIFIERS = new Set('民间 国际 对外 全国 中外 有关 相关 主要 双边 多边 地方 社会'.split(' '));
const SUFFIX_CHARS = new Set('省市县区镇村馆局部委办院');
const MAX_CHARS = 14;

const ORGANIZATION_ENDINGS =
  /(?:馆|会|协|院|局|部|委|办|中心|公司|集团|大学|学校|组织|银行|政府|党组|基金)$/u;
const TITLE_ENDINGS = /(?:员|长|主任|书记|主席|总理|大使|经理|秘书|委员|教授|总统|总裁)$/u;
const PLACE_ENDINGS = /(?:省|市|县|区|镇|村|圈|州|岛|山|河|湖|国)$/u;

/**
 * Term candidates of a Chinese sentence: every run of up to five adjacent noun-like words (after
 * joining person names, which jieba splits), e.g. 重庆/史迪威/博物馆 gives 重庆史迪威博物馆, 史迪威博物馆,
 * 博物馆 …. A lone common noun of one or two characters (工作, 问题) is a word, not a term, and is left out.
 */
export function chineseCandidates(zh: string, tokens = chineseTokens(zh)): ChineseCandidate[] {
  const candidates: ChineseCandidate[] = [];
  let run: ChineseToken[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      for (let j = i; j < Math.min(run.length, i + MAX_TOKENS); j++) {
        // Words before an institution word modify it (中国民间组织国际交流 | 促进会): not a term alone.
        if (run.slice(j + 1).some((later) => INSTITUTION.test(later.simplified))) continue;
        const parts = run.slice(i, j + 1);
        const candidate = makeCandidate(zh, parts);
        if (candidate) candidates.push(candidate);
      }
    }
    run = [];
  };
  for (const token of tokens) {
    const han = /^[\p{Script=Han}·]+$/u.test(token.word);
    if (han && (NOUNISH.has(token.tag) || token.word === '·' || INSTITUTION.test(token.simplified)))
      run.push(token);
    else flush();
  }
  flush();
  return candidates;
}

/** The tagged jieba words of a sentence, each person name one token tagged 'person'. */
export function chineseTokens(zh: string): readonly ChineseToken[] {
  return joinNames(zh, tagChinese(zh));
}

function makeCandidate(zh: string, parts: ChineseToken[]): ChineseCandidate | undefined {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (first.word === '·' || last.word === '·') return undefined;
  const text = zh.slice(first.start, last.end);
  const key = parts.map((p) => p.simplified).join('');
  if (key.length < 2 || key.length > MAX_CHARS) return undefined;
  if (parts.length === 1 && (isCommonWord(first) || isNonNominalChinese(first))) return undefined;
  // A dictionary entry is a unit whatever jieba made of it (中国|梦 is 中国梦 "Chinese Dream").
  const entry = parts.length > 1 && hasDictionaryEntry(key) && !isVerb({ ...first, simplified: key });
  // A person name is a term on its own, never part of a longer one (秘书长袁智兵 is a title and a name).
  if (parts.length > 1 && parts.some((p) => p.tag === 'person')) return undefined;
  // A single character at either end is usually a fragment (市/对外友协, 王广成/时), unless it is a
  // place or institution suffix (四川/省).
  if (
    parts.length > 1 &&
    !entry &&
    (first.word.length === 1 || (last.word.length === 1 && !SUFFIX_CHARS.has(last.simplified)))
  ) {
    return undefined;
  }
  if (parts.length > 1 && (isVerb(first) || isVerb(last))) return undefined;
  const nameChain = parts.some((p) => p.word === '·');
  if (
    parts.length > 1 &&
    (last.tag === 'b' || (last.tag === 'x' && !nameChain) || MODIFIERS.has(last.simplified))
  )
    return undefined;
  return { text, key, start: first.start, end: last.end, tokens: parts, kind: kindOf(parts, key) };
}

/** A word whose first CC-CEDICT sense is a verb (汇报 "to report", 建设 "to build") starts or ends no term. */
function isVerb(token: ChineseToken): boolean {
  return token.tag !== 'person' && /^to /.test(lookupGlosses(token.simplified)[0] ?? '');
}

function isCommonWord(token: ChineseToken): boolean {
  if (token.tag === 'person' || token.tag === 'nr' || token.tag === 'ns' || token.tag === 'nt') {
    return false;
  }
  // A word the dictionary describes as a proper name is one however short (边沁 "Jeremy Bentham …",
  // 春节 "Spring Festival").
  if (/^\p{Lu}/u.test(lookupGlosses(token.simplified)[0] ?? '')) return false;
  // Generic words (工作, 汇报) are not terms; longer nouns (博物馆, 负责人) may be, when the dictionary
  // knows them: glosses composed from characters (促进会 → "meeting") mislead on their own.
  return (
    token.word.length <= 2 ||
    // An idiom (避而不答) is no term; a dictionary noun jieba tags as one (宇宙线 "cosmic ray") is.
    (token.tag === 'l' && (token.word.length < 3 || !hasDictionaryEntry(token.simplified))) ||
    token.tag === 'vn' ||
    (token.tag === 'x' && token.word.length < 3) ||
    (!hasDictionaryEntry(token.simplified) && !TITLE_ENDINGS.test(token.simplified))
  );
}

/** jieba tags of the parts of a foreign name written with a dot (杰夫/nrt·贝索斯/x, 苏珊/ns·杰布/x). */
const NAME_PART_TAGS = new Set(['person', 'nr', 'nrt', 'nrfg', 'ns', 'x']);

export function kindOf(parts: readonly ChineseToken[], key: string): TermKind {
  const last = parts[parts.length - 1]!;
  // The name-finder's people (Chinese names by surname and given name) and dotted foreign names.
  // Unless the dictionary names something else by it (西门子 "Siemens (company name)", whose 西门 is
  // also a surname).
  if (parts.length === 1 && last.tag === 'person') return kindFromGlosses(key, last.tag) ?? 'person';
  // 哈里森·福特 is a person although 福特 alone is tagged a place; 拉尔夫·劳伦商店 is a shop.
  if (parts.some((p) => p.word === '·') && parts.every((p) => p.word === '·' || NAME_PART_TAGS.has(p.tag)))
    return 'person';
  if (parts.length === 1) {
    // jieba's name tags on a single word are guesses (加勒比 nrt, 开麦拉 ns, 温泉 nr): the dictionary's
    // description decides, and a word it glosses as a common noun (俱乐部 club, 博物馆 museum) names
    // a kind of thing, not one. Without either, the word is left a plain term.
    const glossed = kindFromGlosses(key, last.tag);
    if (glossed) return glossed;
    if (TITLE_ENDINGS.test(key)) return 'title';
    // jieba's organisation tag holds where the dictionary does not call the word a common noun.
    return last.tag === 'nt' && !/^\p{Ll}/u.test(lookupGlosses(key)[0] ?? '') ? 'organization' : 'term';
  }
  if (last.tag === 'nt' || ORGANIZATION_ENDINGS.test(key)) return 'organization';
  if (TITLE_ENDINGS.test(key)) return 'title';
  if (last.tag === 'ns' || PLACE_ENDINGS.test(key)) return 'place';
  return 'term';
}

const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg']);
const PERSON_GLOSS = /\((?:male |female )?name\)|\bsurname\b|\(\d{3,4}\s*[-–]/;
const ORGANIZATION_GLOSS =
  /\b(?:company|corporation|brand|organi[sz]ation|association|university|college|bank|political party|agency|newspaper|airline)\b/i;
const PLACE_GLOSS =
  /\b(?:city|province|county|country|state|river|mountain|island|capital|region|district|town|village|lake|sea|ocean|continent|prefecture|peninsula|port)\b/i;

/**
 * The kind a CC-CEDICT entry describes: a proper name (first sense capitalised) whose senses say one
 * kind only ("Thomas (male name)", "Seattle, city in Washington State", "McDonald's (fast food
 * company)"); 福特 is "Ford (name)" and "Ford, US car make", so it says none.
 */
function kindFromGlosses(simplified: string, tag: string): TermKind | undefined {
  const senses = lookupGlosses(simplified);
  if (!/^\p{Lu}/u.test(senses[0] ?? '')) return undefined;
  const kinds = new Set<TermKind>();
  for (const sense of senses) {
    if (!/^\p{Lu}/u.test(sense)) continue;
    if (PERSON_GLOSS.test(sense)) kinds.add('person');
    else if (/\bmake\b/.test(sense) || ORGANIZATION_GLOSS.test(sense)) kinds.add('organization');
    else if (PLACE_GLOSS.test(sense)) kinds.add('place');
  }
  // A place tag with nothing against it: 纽约 "New York", 亚洲 "Asia".
  if (kinds.size === 0 && tag === 'ns') return 'place';
  if (kinds.size !== 1) return undefined;
  const kind = [...kinds][0]!;
  // jieba's tag against the dictionary's kind: the word names both (特里尔 "Trier, city in Germany",
  // tagged a person, is Lars von Trier on mag dev), so neither is sure.
  const tagged = PERSON_TAGS.has(tag)
    ? 'person'
    : tag === 'ns'
      ? 'place'
      : tag === 'nt'
        ? 'organization'
        : undefined;
  return tagged && tagged !== kind ? undefined : kind;
}

/** Replaces the jieba pieces of each person name (王/广/成) with one token tagged 'person'. */
function joinNames(zh: string, tokens: readonly ChineseToken[]): readonly ChineseToken[] {
  const persons = findChineseNames(zh).filter((n) => n.kind === 'person');
  if (persons.length === 0) return tokens;
  const out: ChineseToken[] = [];
  for (const token of tokens) {
    const person = persons.find((p) => token.start >= p.start && token.start < p.end);
    if (!person) {
      out.push(token);
      continue;
    }
    if (token.start !== person.start) continue;
    const simplified = tokens
      .filter((t) => t.start >= person.start && t.start < person.end)
      .map((t) => t.simplified)
      .join('')
      .slice(0, person.end - person.start);
    out.push({ word: person.text, simplified, start: person.start, end: person.end, tag: 'person' });
  }
  return out;
}
