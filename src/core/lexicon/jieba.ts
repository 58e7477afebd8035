import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { foldToSimplified } from './script.js';

/** A word of Chinese text, with its span in the original (unfolded) string. */
export interface ChineseToken {
  /** The word as written in the input (Traditional stays Traditional). */
  word: string;
  /** The word folded to Simplified, the form dictionaries are keyed by. */
  simplified: string;
  start: number;
  end: number;
  /** jieba part-of-speech tag (ICTCLAS set: nr person, ns place, nt organisation, m numeral, …); '' from tokenizeChinese. */
  tag: string;
}

let jieba: Jieba | undefined;
function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Segment Chinese text into words. jieba segments Traditional text badly (對/外友/協), so the text is
 * folded to Simplified first and the original is cut by the token lengths (the fold keeps lengths).
 */
export function tokenizeChinese(text: string): ChineseToken[] {
  const folded = foldToSimplified(text);
  return cutByLengths(text, folded, getJieba().cut(folded, true), () => '');
}

/** As tokenizeChinese, with part-of-speech tags (slower). */
export function tagChinese(text: string): ChineseToken[] {
  const folded = foldToSimplified(text);
  const tagged = getJieba().tag(folded, true);
  return cutByLengths(
    text,
    folded,
    tagged.map((t) => t.word),
    (i) => tagged[i]?.tag ?? '',
  );
}

/** Teach jieba extra words, e.g. names from a termbase: `addChineseWords(['中促会'], 'nt')`. */
export function addChineseWords(words: readonly string[], tag = 'n', frequency = 1000): void {
  if (words.length === 0) return;
  const lines = words.map((w) => `${foldToSimplified(w)} ${frequency} ${tag}`).join('\n');
  getJieba().loadDict(Buffer.from(lines + '\n'));
}

function cutByLengths(
  original: string,
  folded: string,
  words: string[],
  tagAt: (i: number) => string,
): ChineseToken[] {
  const tokens: ChineseToken[] = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const start = at;
    at += w.length;
    tokens.push({
      word: original.slice(start, at),
      simplified: folded.slice(start, at),
      start,
      end: at,
      tag: tagAt(i),
    });
  }
  return tokens;
}
