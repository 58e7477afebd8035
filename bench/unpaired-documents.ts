/**
 * Raw bilingual documents built from the gold alignments of ../shared/eval, with and without lines
 * that have no counterpart (the material real bilingual pages carry: a Chinese headline, a dateline,
 * photo captions, an editor's line, an English photo credit, a paragraph left untranslated, a long
 * untranslated trailer). Used by `bench/unpaired-bench.ts`. Everything is seeded, so a run is
 * repeatable; the inserted text is made from templates of the kinds of line a news page carries and
 * from other dev documents (never from the document it is inserted into), read in place.
 */
import type { GoldDocument } from './eval-data.js';
import { seededRandom } from './seeded-random.js';

/** A raw document, and where its gold beads and inserted lines are in it. */
export interface RawDocument {
  name: string;
  zh: string;
  en: string;
  /**
   * Each gold bead with both sides as spans of the document's text with white space removed
   * (`squeeze`): zh [zhStart, zhEnd), en [enStart, enEnd).
   */
  goldBeads: GoldSpan[];
  /** Inserted lines, white space removed, per side (each should come out unpaired). */
  inserted: { zh: string[]; en: string[] };
}

export interface GoldSpan {
  zhStart: number;
  zhEnd: number;
  enStart: number;
  enEnd: number;
}

export const squeeze = (text: string): string => text.replace(/\s+/g, '');

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂';
const OUTLETS = ['新华网', '人民网', '中国日报网', '市政府外办', '本报', '央视新闻', '中新网', '澎湃新闻'];
const EN_NAMES = ['Li Wei', 'Zhang Min', 'John Smith', 'Chen Jie', 'Maria Lopez', 'Wang Tao'];
const AGENCIES = ['Xinhua', 'Reuters', 'AFP', 'China Daily', 'VCG', 'AP'];

function chineseName(random: Random): string {
  return (
    pick(random, [...SURNAMES]) + pick(random, [...GIVEN]) + (random() < 0.6 ? pick(random, [...GIVEN]) : '')
  );
}

function date(random: Random): { y: number; m: number; d: number } {
  return { y: between(random, 1998, 2024), m: between(random, 1, 12), d: between(random, 1, 28) };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A phrase of another document's sentence, without its final punctuation: a headline's shape. */
function headline(random: Random, pool: readonly string[]): string {
  const sentence = pick(random, pool);
  const clause = sentence.split(/[，。！？；：、“”「」（）,.!?;:"]/).find((c) => c.length >= 6) ?? sentence;
  return clause.slice(0, between(random, 6, 22));
}

function dateline(random: Random): string {
  const { y, m, d } = date(random);
  const outlet = pick(random, OUTLETS);
  return pick(random, [
    `發布時間：${y}-${pad(m)}-${pad(d)}　來源：${outlet}`,
    `发布时间：${y}年${m}月${d}日　来源：${outlet}`,
    `${y}-${pad(m)}-${pad(d)} ${pad(between(random, 7, 22))}:${pad(between(random, 0, 59))}　来源：${outlet}`,
    `来源：${outlet}　作者：${chineseName(random)}　${y}年${m}月${d}日`,
  ]);
}

function caption(random: Random, pool: readonly string[]): string {
  const phrase = headline(random, pool);
  return pick(random, [
    `图为${phrase}。`,
    `${phrase}（${chineseName(random)} 摄）`,
    `▲${phrase}`,
    `图：${phrase}`,
  ]);
}

function editorLine(random: Random): string {
  const name = chineseName(random);
  return pick(random, [
    `（责任编辑：${name}）`,
    `编辑：${name}`,
    `责任编辑：${name}　校对：${chineseName(random)}`,
  ]);
}

function credit(random: Random): string {
  const name = pick(random, EN_NAMES);
  const agency = pick(random, AGENCIES);
  return pick(random, [
    `Photo: ${name}/${agency}`,
    `(Photo by ${name})`,
    `Photo credit: ${agency}`,
    `Source: ${agency}`,
  ]);
}

/** Consecutive sentences of another document, about `chars` characters in all. */
function passage(random: Random, pool: readonly string[], chars: number): string[] {
  const out: string[] = [];
  let at = between(random, 0, Math.max(0, pool.length - 1));
  let length = 0;
  while (length < chars) {
    const sentence = pool[at % pool.length]!;
    out.push(sentence);
    length += sentence.length;
    at++;
  }
  return out;
}

/** A piece of a paragraph: a gold sentence (with its bead's number) or an inserted line (-1). */
interface Piece {
  text: string;
  bead: number;
}

/** Sentence-final punctuation: a bead whose side ends otherwise (a heading) ends its paragraph. */
const FINAL = /[。！？!?.…”’"'」』）)]\s*$/;

/**
 * The document as paragraphs of 1–8 gold beads each (both sides break where the gold does, as a
 * translation's paragraphs mostly do, but one break in eight is on one side only; a bead that ends without final punctuation, a heading, ends its
 * paragraph, so the sentence splitter does not join it to the next sentence), optionally with
 * lines that have no counterpart inserted.
 */
export function rawDocument(
  document: GoldDocument,
  others: { zh: readonly string[]; en: readonly string[] },
  options: { insert: boolean; seed: number; linePerSentence?: boolean },
): RawDocument {
  const random = seededRandom(options.seed);
  const zhBlocks: Piece[][] = [];
  const enBlocks: Piece[][] = [];
  const paired: number[] = [];
  let k = 0;
  while (k < document.gold.length) {
    const size = between(random, 1, 8);
    const zhBlock: Piece[] = [];
    const enBlock: Piece[] = [];
    for (const end = Math.min(k + size, document.gold.length); k < end; k++) {
      const bead = document.gold[k]!;
      const zh = bead.zh.map((i) => document.zh[i]!);
      const en = bead.en.map((j) => document.en[j]!);
      zhBlock.push(...zh.map((text) => ({ text, bead: k })));
      enBlock.push(...en.map((text) => ({ text, bead: k })));
      if (zh.length > 0 && en.length > 0) paired.push(k);
      if (!FINAL.test(zh.at(-1) ?? '。') || !FINAL.test(en.at(-1) ?? '.')) {
        k++;
        break;
      }
    }
    // A translator sometimes joins two paragraphs (one in eight breaks, on either side).
    const join = zhBlocks.length > 0 && random() < 0.125 ? (random() < 0.5 ? 'zh' : 'en') : undefined;
    if (join === 'zh') zhBlocks.at(-1)!.push(...zhBlock);
    else zhBlocks.push(zhBlock);
    if (join === 'en') enBlocks.at(-1)!.push(...enBlock);
    else enBlocks.push(enBlock);
  }
  // The random stream for insertions is its own, so the paragraphs are the same with or without them.
  const insertRandom = seededRandom(options.seed * 7919 + 1);
  const inserted = { zh: [] as string[], en: [] as string[] };
  if (options.insert) {
    const lines = (texts: readonly string[]) => texts.map((text) => ({ text, bead: -1 }));
    const zhLines = (at: number, texts: readonly string[]) => {
      zhBlocks.splice(at, 0, lines(texts));
      inserted.zh.push(...texts.map(squeeze));
    };
    const enLines = (at: number, texts: readonly string[]) => {
      enBlocks.splice(at, 0, lines(texts));
      inserted.en.push(...texts.map(squeeze));
    };
    const somewhere = (blocks: readonly unknown[]) => between(insertRandom, 1, blocks.length - 1);
    // In the middle first (positions drawn over the document), then the head and the tail.
    const captions = Math.max(1, Math.round(zhBlocks.length / 40));
    for (let c = 0; c < captions; c++) zhLines(somewhere(zhBlocks), [caption(insertRandom, others.zh)]);
    enLines(somewhere(enBlocks), [credit(insertRandom)]);
    zhLines(somewhere(zhBlocks), passage(insertRandom, others.zh, between(insertRandom, 80, 250)));
    enLines(somewhere(enBlocks), passage(insertRandom, others.en, between(insertRandom, 250, 700)));
    zhLines(0, [dateline(insertRandom)]);
    zhLines(0, [headline(insertRandom, others.zh)]);
    zhLines(zhBlocks.length, [editorLine(insertRandom)]);
    zhLines(zhBlocks.length, passage(insertRandom, others.zh, 2000));
  }
  const zhSpans = spans(zhBlocks, document.gold.length);
  const enSpans = spans(enBlocks, document.gold.length);
  return {
    name: document.name,
    // One sentence per line (a layout of its own: every line is a paragraph), or paragraphs.
    zh: zhBlocks.map((b) => b.map((p) => p.text).join(options.linePerSentence ? '\n' : '')).join('\n'),
    en: enBlocks.map((b) => b.map((p) => p.text).join(options.linePerSentence ? '\n' : ' ')).join('\n'),
    goldBeads: paired.map((b) => ({
      zhStart: zhSpans[b]![0],
      zhEnd: zhSpans[b]![1],
      enStart: enSpans[b]![0],
      enEnd: enSpans[b]![1],
    })),
    inserted,
  };
}

/** Where each gold bead's pieces lie in the squeezed text of one side. */
function spans(blocks: readonly Piece[][], beads: number): Array<[number, number]> {
  const out: Array<[number, number]> = Array.from({ length: beads }, () => [
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ]);
  let offset = 0;
  for (const piece of blocks.flat()) {
    const length = squeeze(piece.text).length;
    if (piece.bead >= 0) {
      const span = out[piece.bead]!;
      span[0] = Math.min(span[0], offset);
      span[1] = Math.max(span[1], offset + length);
    }
    offset += length;
  }
  return out;
}
