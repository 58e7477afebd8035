import { hasDictionaryEntry, lookupGlosses } from '../lexicon/cedict.js';
import { type ChineseToken, tagChinese } from '../lexicon/jieba.js';
import { personNameToPinyin, wordToPinyin } from '../lexicon/pinyin.js';
import { foldToSimplified } from '../lexicon/script.js';
import { surnameOf } from './surnames.js';

/** A name in Chinese text, with its span and its pinyin (surname first for persons). */
export interface NameMention {
  text: string;
  start: number;
  end: number;
  pinyin: string;
  kind: 'person' | 'place' | 'organization';
}

/**
 * Characters that jieba's HMM glues onto the end of an unknown name (姜江时 "when Jiang Jiang …"):
 * function words and the verbs that follow names in press copy. Trimmed when the name stays ≥ 2 chars.
 */
const TRAILING_FUNCTION_CHARS = new Set('时说等在和与及为是也都就将已又还对向于的了率称会到从');

/** Words after a "name" that make it part of an institution's or a place's name (史迪威博物馆, 成渝地区). */
const INSTITUTION_WORDS = new Set(
  (
    '博物馆 纪念馆 图书馆 美术馆 大学 学院 中学 小学 公司 集团 研究中心 中心 研究所 医院 基金会 路 街 大道 ' +
    '广场 公园 大桥 故居 体育馆 剧院 银行 酒店 研究 研究会 协会 地区 经济圈 省 市 县 区 镇 村'
  ).split(' '),
);

const HAN = /^\p{Script=Han}+$/u;

/**
 * Characters that mostly occur in transliterated foreign names (詹姆斯 James, 史密斯 Smith, 斯科特
 * Scott). A "name" with two of them is foreign: its pinyin is not its English form.
 */
export const TRANSLITERATION_CHARS: ReadonlySet<string> = new Set(
  '斯姆尔特克德森丝尼罗洛维瓦默奥普布夫迪埃艾哈科帕佩芬菲弗赫库劳雷蒙摩穆纳诺齐恰切舍泰汤托威沃休耶密莉娅伊丹杰肯兹思歇阿',
);

/** Words around a name that make an unknown two-character word a person (副会长姜江, 姜江表示). */
const PERSON_CONTEXT_BEFORE =
  /(?:长|主任|主席|书记|总理|总统|大使|经理|教授|博士|委员|代表|记者|老师|医生|员|先生|女士)$/u;
const PERSON_CONTEXT_AFTER =
  /^(?:副|长|主任|主席|书记|先生|女士|同志|教授|博士|说|表示|指出|认为|强调|介绍|时|率|会见|拜会|出席)/u;

/**
 * Person, place and organisation names. Places and organisations are jieba's ns/nt words. Persons are
 * jieba nr words and unknown words (tag x, which is how jieba's HMM returns most names) that start
 * with a common surname; a lone surname tagged nr followed by one or two single characters is
 * joined with them (jieba sometimes cuts 王广成 into 王/广/成).
 */
export function findChineseNames(text: string): NameMention[] {
  const tokens = tagChinese(text);
  const names: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!HAN.test(token.word)) continue;
    if (token.tag === 'ns' || token.tag === 'nt') {
      const kind = token.tag === 'ns' ? 'place' : 'organization';
      names.push({
        text: token.word,
        start: token.start,
        end: token.end,
        pinyin: wordToPinyin(token.word),
        kind,
      });
      continue;
    }
    const personLike = token.tag === 'nr' || token.tag === 'nrfg' || token.tag === 'x';
    if (!personLike) continue;
    const surname = surnameOf(token.simplified);
    if (!surname) continue;
    let end = token.end;
    let next = i + 1;
    if (token.simplified === surname) {
      // A lone surname: take the one or two single-character tokens after it as the given name.
      if (token.tag !== 'nr') continue;
      while (next < tokens.length && next <= i + 2) {
        const piece = tokens[next]!;
        if (piece.word.length !== 1 || !HAN.test(piece.word)) break;
        if (TRAILING_FUNCTION_CHARS.has(piece.simplified)) break;
        end = piece.end;
        next++;
      }
      if (end === token.end) continue;
    } else {
      let simplified = token.simplified;
      if (simplified.length > surname.length + 2) continue;
      while (
        token.tag === 'x' &&
        simplified.length > surname.length + 1 &&
        TRAILING_FUNCTION_CHARS.has(simplified.at(-1)!)
      ) {
        simplified = simplified.slice(0, -1);
        end--;
      }
      if (token.tag === 'x' && simplified.length === 1) continue;
    }
    const after = tokens[next];
    if (end === token.end && after && INSTITUTION_WORDS.has(after.simplified)) continue;
    const name = text.slice(token.start, end);
    const before = tokens[i - 1];
    if (!looksLikeChineseName(name, token.tag, before?.simplified ?? '', after?.simplified ?? '')) continue;
    // 戴尔 of 菲林戴尔: a "name" glued to another name-like word is a piece of a longer foreign name.
    if (
      gluedToForeignName(
        name,
        before?.end === token.start ? before : undefined,
        after?.start === end ? after : undefined,
      )
    )
      continue;
    names.push({ text: name, start: token.start, end, pinyin: personNameToPinyin(name), kind: 'person' });
    i = next - 1;
  }
  return names;
}

/**
 * Filters the guesses: foreign transliterations (two transliteration characters), dictionary words
 * (花光 "to spend all", whose senses are lower-case) and unknown two-character words with no title or
 * speech verb next to them (jieba's HMM returns many words as "x").
 */
function looksLikeChineseName(name: string, tag: string, before: string, after: string): boolean {
  const simplified = foldToSimplified(name);
  const foreign = [...simplified].filter((c) => TRANSLITERATION_CHARS.has(c)).length;
  if (foreign >= 2) return false;
  if (hasDictionaryEntry(simplified) && lookupGlosses(simplified).some((sense) => !/^\p{Lu}/u.test(sense)))
    return false;
  const inContext = PERSON_CONTEXT_BEFORE.test(before) || PERSON_CONTEXT_AFTER.test(after);
  if (tag === 'x' && [...name].length === 2) return inContext;
  // 相衔接, 金元宝: a surname character before an ordinary word (衔接 "to join", 元宝 "ingot") is no
  // name unless a title or a speech verb says so (张建国 stays a name in 经理张建国说).
  const given = simplified.slice(surnameOf(simplified)?.length ?? 1);
  if (given.length >= 2 && hasLowerCaseSense(given) && !inContext) return false;
  // 罗马法, 巴黎人: a place or name the dictionary knows (罗马 Rome) with a character after it.
  const head = simplified.slice(0, 2);
  if (simplified.length === 3 && hasDictionaryEntry(head) && !hasLowerCaseSense(head) && !inContext)
    return false;
  return true;
}

function hasLowerCaseSense(word: string): boolean {
  // "(historical) Ancient Rome" is a name's sense: the parenthesised label is not the gloss.
  return (
    hasDictionaryEntry(word) &&
    lookupGlosses(word).some(
      (sense) => !/^(?:\p{Lu}|see |variant of )/u.test(sense.replace(/^\([^)]*\)\s*/, '')),
    )
  );
}

/** Whether a name with name-like neighbours written against it forms a foreign name (two transliteration characters or more). */
function gluedToForeignName(
  name: string,
  before: ChineseToken | undefined,
  after: ChineseToken | undefined,
): boolean {
  const neighbours = [before, after].filter(
    (t): t is ChineseToken => t !== undefined && HAN.test(t.word) && NAME_LIKE_TAGS.has(t.tag),
  );
  if (neighbours.length === 0) return false;
  const whole = foldToSimplified(neighbours.map((t) => t.word).join('') + name);
  return [...whole].filter((c) => TRANSLITERATION_CHARS.has(c)).length >= 2;
}

const NAME_LIKE_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nz', 'x']);
