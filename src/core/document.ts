import { type AlignOptions, alignSentences, type EvidenceSwitches } from './align/index.js';
import { BitextError } from './errors.js';
import { detectScript, toSimplified, toTraditional } from './lexicon/script.js';
import { type EditList, OffsetMap, replaceRecorded } from './normalize/edits.js';
import {
  addReports,
  type CleaningOptions,
  type CleaningReport,
  cleanText,
  emptyReport,
} from './normalize/index.js';
import { isHardWrapped } from './segment/hard-wrap.js';
import { splitSentences } from './segment/index.js';
import { joinLinesAt } from './segment/join-lines.js';
import type { Bead, Lang, ParagraphSource, Script, Sentence, SentencePair, SentenceSource } from './types.js';

/**
 * The text of a bilingual document: one string holding both languages (its lines are the
 * paragraphs), one per language, or paragraphs a document reader has already found (a web page's
 * blocks, a Word file's paragraphs), each with the language its markup declares, if any.
 */
export type BilingualSource =
  | { combined: string }
  | { zh: SideSource; en: SideSource }
  | { paragraphs: readonly SourceParagraph[] };

/** One language's file: its text (its lines are the paragraphs), or the paragraphs a reader found. */
export type SideSource = string | readonly SourceParagraph[];

/** A paragraph as a document reader found it. */
export interface SourceParagraph {
  text: string;
  /** The language the document declares for it (an HTML `lang`, a zh|en table column); else its script decides. */
  lang?: Lang;
  /** 1-based line where it starts, when the source has lines (for messages). */
  line?: number;
  /** Where it is in its file, carried to each of its sentences' SentenceSource. */
  source?: ParagraphSource;
}

export interface DocumentOptions {
  /** One sentence per line, never re-split (the form of gold alignment data). Only for separate sides. */
  presplit?: boolean;
  /** Cleaning steps; `false` switches all of them off. */
  cleaning?: CleaningOptions | false;
  /** Script of the Chinese output; matching always folds to Simplified, whatever is chosen here. */
  script?: 'original' | Script;
  /** Keep 1-0 and 0-1 beads as pairs with one empty side. */
  keepUnpaired?: boolean;
  evidence?: EvidenceSwitches;
  /** File names for error messages only (the core reads no files). */
  sourceNames?: { combined?: string; zh?: string; en?: string };
  /** The aligner's passes done of all (see AlignOptions.onProgress). */
  onProgress?: (done: number, total: number) => void;
}

/** How the two languages were laid out in the input. */
export type Layout = 'blocks' | 'alternating' | 'mixed' | 'separate' | 'presplit';

export interface AlignedDocument {
  /** Aligned pairs in document order (1-0 and 0-1 beads only with keepUnpaired). */
  pairs: SentencePair[];
  /** Every bead, including 1-0 and 0-1: ids index `zh` and `en`. */
  beads: Bead[];
  zh: Sentence[];
  en: Sentence[];
  /** Script of the Chinese input, and of the Chinese output after `script` conversion. */
  inputScript: Script;
  outputScript: Script;
  layout: Layout;
  cleaning: CleaningReport;
}

/** A paragraph of the input with the language its script says it is in. */
interface Paragraph {
  text: string;
  lang: Lang | undefined;
  /** 1-based line of the input where the paragraph starts, when known. */
  line: number | undefined;
  /** Where the characters `start` to `end` of `text` are in the file (see SentenceSource). */
  locate: (start: number, end: number) => SentenceSource;
}

/** A paragraph before blank ones are dropped: its cleaned text, and where that text's offset 0 is. */
interface CleanedParagraph extends SourceParagraph {
  locate: (start: number, end: number) => SentenceSource;
}

/**
 * The whole path from raw text to aligned pairs: clean → find each paragraph's language → split into
 * sentences → align (paragraphs first where both sides have them) → pairs.
 */
export function alignDocument(source: BilingualSource, options: DocumentOptions = {}): AlignedDocument {
  const cleaning = options.cleaning === false ? offSwitches() : (options.cleaning ?? {});
  let report = emptyReport();
  const clean = (text: string, edits?: EditList[]) => {
    const result = cleanText(text, cleaning, edits);
    report = addReports(report, result.report);
    return result.text;
  };

  let zhParagraphs: Paragraph[];
  let enParagraphs: Paragraph[];
  let layout: Layout;
  if ('combined' in source || 'paragraphs' in source) {
    if (options.presplit) {
      throw new BitextError('USAGE', '--presplit needs two files, one per language (one sentence per line)');
    }
    const file = options.sourceNames?.combined;
    const paragraphs =
      'combined' in source
        ? readParagraphs(source.combined, clean, file, { unwrap: true, bothLanguages: true })
        : settleParagraphs(
            source.paragraphs.map((p) => cleanParagraph(p, clean)),
            file,
          );
    layout = detectLayout(paragraphs);
    zhParagraphs = paragraphs.filter((p) => p.lang === 'zh');
    enParagraphs = paragraphs.filter((p) => p.lang === 'en');
    requireBothLanguages(zhParagraphs.length, enParagraphs.length, options.sourceNames?.combined);
  } else {
    layout = options.presplit ? 'presplit' : 'separate';
    // A presplit side is a sentence a line, whatever its lines look like: never joined.
    const unwrap = !options.presplit;
    zhParagraphs = readSide(source.zh, clean, options.sourceNames?.zh, unwrap);
    enParagraphs = readSide(source.en, clean, options.sourceNames?.en, unwrap);
    checkSides(
      zhParagraphs.map((p) => p.text),
      enParagraphs.map((p) => p.text),
      options.sourceNames,
    );
    if (zhParagraphs.length === 0) {
      throw new BitextError('EMPTY_INPUT', 'the Chinese side has no text', { file: options.sourceNames?.zh });
    }
    if (enParagraphs.length === 0) {
      throw new BitextError('EMPTY_INPUT', 'the English side has no text', { file: options.sourceNames?.en });
    }
  }

  const zh = toSentences(zhParagraphs, 'zh', options.presplit ?? false);
  const en = toSentences(enParagraphs, 'en', options.presplit ?? false);
  const alignOptions: AlignOptions = { evidence: options.evidence, onProgress: options.onProgress };
  if (!options.presplit) {
    alignOptions.zhParagraphs = zh.map((s) => s.paragraph);
    alignOptions.enParagraphs = en.map((s) => s.paragraph);
  }
  const beads = alignSentences(
    zh.map((s) => s.text),
    en.map((s) => s.text),
    alignOptions,
  );

  const inputScript = detectScript(zhParagraphs.map((p) => p.text).join('\n'));
  const outputScript = options.script && options.script !== 'original' ? options.script : inputScript;
  const convert =
    outputScript === inputScript
      ? (t: string) => t
      : outputScript === 'simplified'
        ? toSimplified
        : toTraditional;
  const zhOut = zh.map((s) => ({ ...s, text: convert(s.text) }));

  const pairs: SentencePair[] = [];
  for (const bead of beads) {
    if (!options.keepUnpaired && (bead.zh.length === 0 || bead.en.length === 0)) continue;
    pairs.push({
      zh: bead.zh.map((id) => zhOut[id]!.text).join(''),
      en: bead.en.map((id) => en[id]!.text).join(' '),
      zhIds: bead.zh,
      enIds: bead.en,
      confidence: bead.confidence,
      zhSources: bead.zh.map((id) => zh[id]!.source!),
      enSources: bead.en.map((id) => en[id]!.source!),
    });
  }
  return { pairs, beads, zh: zhOut, en, inputScript, outputScript, layout, cleaning: report };
}

/**
 * The language a paragraph is written in, from its script: Han characters against Latin letters. An
 * English word averages about three times the letters of a Chinese word's characters, so a Latin letter
 * counts a third of a Han character; a paragraph with neither (numbers, punctuation) has no language.
 */
export function detectLanguage(text: string): Lang | undefined {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHanCode(c)) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  if (han === 0 && latin === 0) return undefined;
  return han >= latin / 3 ? 'zh' : 'en';
}

/** CJK Unified Ideographs, Extension A, Compatibility Ideographs, and the high surrogates of Extensions B–F. */
function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd840 && c <= 0xd87e)
  );
}

/**
 * Paragraphs longer than this are refused: the aligner works paragraph by paragraph, and a multi-megabyte
 * "paragraph" is a file without line breaks (a dump, minified text), not prose.
 */
export const MAX_PARAGRAPH_CHARS = 1_000_000;

type Clean = (text: string, edits?: EditList[]) => string;

/** A line of the cleaned text: its text, where it starts, and (in a file of both languages) its language. */
interface TextLine {
  text: string;
  at: number;
  lang: Lang | undefined;
}

/**
 * Non-blank lines are paragraphs (blank lines only separate), unless the text is wrapped at a fixed
 * width (isHardWrapped): then each block of lines between blank lines is one. Cleaning keeps every
 * line break, so the cleaned text's lines are the file's, and an offset in one goes back to a column
 * in the other.
 */
function readParagraphs(
  raw: string,
  clean: Clean,
  file: string | undefined,
  how: { unwrap: boolean; bothLanguages: boolean },
): Paragraph[] {
  const steps: EditList[] = [];
  const text = clean(raw, steps);
  const map = new OffsetMap(steps);
  const rawStarts = map.identity ? undefined : lineStarts(raw);
  const cleanStarts = lineStarts(text);
  const lines = cleanStarts.map((at, i): TextLine => {
    const line = text.slice(
      at,
      i + 1 < cleanStarts.length ? lineEnd(text, cleanStarts[i + 1]!) : text.length,
    );
    // In a file of both languages, each line's language decides which blocks may join (once a line).
    return { text: line, at, lang: how.bothLanguages ? detectLanguage(line) : undefined };
  });
  const wrapped = how.unwrap ? wrappedLanguages(lines, how.bothLanguages) : undefined;
  if (wrapped) {
    const toRaw = (offset: number, side: 'start' | 'end') => map.toSource(offset, side);
    // Cleaning takes off a line's leading white space: the indents are the file's.
    const rawLineStarts = rawStarts ?? cleanStarts;
    const indents = rawLineStarts.map((at, i) => {
      const end = i + 1 < rawLineStarts.length ? lineEnd(raw, rawLineStarts[i + 1]!) : raw.length;
      return indent(raw.slice(at, end));
    });
    const blocks = wrappedParagraphs(lines, indents, rawLineStarts, toRaw, how.bothLanguages, wrapped);
    return settleParagraphs(blocks, file);
  }
  const paragraphs = lines.map(({ text: lineText, at, lang }, i): CleanedParagraph => {
    const end = at + lineText.length;
    const line = i + 1;
    const rawAt = rawStarts?.[i] ?? at;
    const rawEnd = rawStarts
      ? i + 1 < rawStarts.length
        ? lineEnd(raw, rawStarts[i + 1]!)
        : raw.length
      : end;
    const column = (offset: number) => Math.min(Math.max(offset - rawAt, 0), rawEnd - rawAt);
    return {
      text: lineText,
      // Its script's language, found above for a file of both languages (settleParagraphs finds it
      // for the others); the cleaned line has no white space at its ends to change it.
      lang,
      line,
      locate: (start, stop) => ({
        line,
        start: column(map.toSource(at + start, 'start')),
        end: column(map.toSource(at + stop, 'end')),
      }),
    };
  });
  return settleParagraphs(paragraphs, file);
}

/**
 * The blocks of a wrapped text's lines as paragraphs. A sentence's place is the line it starts on,
 * `start` its column there and `end` counted from the same line's start, across the line breaks
 * (in the file as it is, before cleaning).
 */
function wrappedParagraphs(
  lines: readonly TextLine[],
  indents: readonly number[],
  rawLineStarts: readonly number[],
  toRaw: (offset: number, side: 'start' | 'end') => number,
  bothLanguages: boolean,
  wrapped: ReadonlySet<Lang | undefined>,
): CleanedParagraph[] {
  const paragraphs: CleanedParagraph[] = [];
  for (let first = 0; first < lines.length; first++) {
    if (!lines[first]!.text.trim()) continue;
    // A block ends at a blank line, before a line indented more than the one before it (a first-line
    // indent, 　　 in Chinese), and in a file of both languages where the language changes; the lines
    // of a language that is not wrapped are a paragraph each.
    const { lang } = lines[first]!;
    const sameBlock = (next: number) =>
      (!bothLanguages || wrapped.has(lang)) &&
      lines[next]!.text.trim() !== '' &&
      indents[next]! <= indents[next - 1]! &&
      (!bothLanguages || (lines[next]!.lang ?? lang) === lang);
    let last = first;
    while (last + 1 < lines.length && sameBlock(last + 1)) last++;
    const block = lines.slice(first, last + 1);
    const { text, starts } = joinLinesAt(
      block.map((line) => line.text),
      { hyphens: 'kept' },
    );
    // The joined text's offset `at` in the cleaned text: its line's start plus how far into it.
    const cleanOffset = (at: number) => {
      const k = lineOf(starts, at);
      return block[k]!.at + at - starts[k]!;
    };
    paragraphs.push({
      text,
      line: first + 1,
      locate: (start, stop) => {
        const from = toRaw(cleanOffset(start), 'start');
        const to = toRaw(stop > start ? cleanOffset(stop - 1) + 1 : cleanOffset(start), 'end');
        const line = lineOf(rawLineStarts, from);
        return { line: line + 1, start: from - rawLineStarts[line]!, end: to - rawLineStarts[line]! };
      },
    });
    first = last;
  }
  return paragraphs;
}

/**
 * The languages whose lines are wrapped at a fixed width, or undefined for none. In a file of both
 * languages each is judged on its own lines (one side of a file may be wrapped and the other not);
 * a side's file is judged whole.
 */
function wrappedLanguages(
  lines: readonly TextLine[],
  bothLanguages: boolean,
): Set<Lang | undefined> | undefined {
  if (!bothLanguages) {
    const wrapped = isHardWrapped(lines.map((line) => line.text));
    return wrapped ? new Set<Lang | undefined>(['zh', 'en', undefined]) : undefined;
  }
  const wrapped = new Set<Lang | undefined>();
  for (const lang of ['zh', 'en'] as const)
    if (isHardWrapped(lines.map((line) => (line.lang === lang ? line.text : '')))) wrapped.add(lang);
  return wrapped.size > 0 ? wrapped : undefined;
}

/** The white space a line starts with, in characters. */
function indent(line: string): number {
  return line.length - line.trimStart().length;
}

/** The index of the line holding `offset`: the last of the (sorted) starts at or before it. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function readSide(side: SideSource, clean: Clean, file: string | undefined, unwrap: boolean): Paragraph[] {
  if (typeof side === 'string') return readParagraphs(side, clean, file, { unwrap, bothLanguages: false });
  return settleParagraphs(
    side.map((p) => cleanParagraph(p, clean)),
    file,
  );
}

/** Where each line of `text` starts (after \r\n, \n or \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\n|\r/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text))
    starts.push(match.index + match[0].length);
  return starts;
}

/** The end of the line before the one starting at `next` (before its \r\n, \n or \r). */
function lineEnd(text: string, next: number): number {
  return text[next - 1] === '\n' && text[next - 2] === '\r' ? next - 2 : next - 1;
}

/**
 * A reader's paragraph, cleaned; it is one paragraph even if its text has line breaks in it. Its
 * sentences' offsets go back to the reader's text.
 */
function cleanParagraph(paragraph: SourceParagraph, clean: Clean): CleanedParagraph {
  const steps: EditList[] = [];
  const joined: EditList = [];
  const text = replaceRecorded(clean(paragraph.text, steps), /\s*[\r\n]+\s*/g, () => ' ', joined);
  steps.push(joined);
  const map = new OffsetMap(steps);
  const { lines, ...place } = paragraph.source ?? {};
  return {
    ...paragraph,
    text,
    locate: (start, end) => {
      const from = map.toSource(start, 'start');
      let where: Omit<ParagraphSource, 'lines'> = place;
      if (lines) {
        // The line the sentence starts on: the last that starts at or before it.
        let line = lines[0];
        for (const l of lines) if (l.at <= from) line = l;
        if (line) {
          const { at: _at, lines: _lines, ...own } = line;
          where = { ...place, ...own };
        }
      }
      return { ...where, start: from, end: map.toSource(end, 'end') };
    },
  };
}

/**
 * Blank paragraphs dropped, overlong ones refused; each paragraph's language is the declared one,
 * else its script's; paragraphs with no language join the one before.
 */
function settleParagraphs(source: readonly CleanedParagraph[], file?: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const p of source) {
    const text = p.text.trim();
    if (!text) continue;
    const lead = p.text.length - p.text.trimStart().length;
    const locate = lead === 0 ? p.locate : (start: number, end: number) => p.locate(lead + start, lead + end);
    if (text.length > MAX_PARAGRAPH_CHARS) {
      throw new BitextError(
        'PARAGRAPH_TOO_LONG',
        `a paragraph of ${text.length} characters (at most ${MAX_PARAGRAPH_CHARS}): is the text without line breaks?`,
        { file, line: p.line, column: p.line === undefined ? undefined : 1 },
      );
    }
    paragraphs.push({ text, lang: p.lang ?? detectLanguage(text), line: p.line, locate });
  }
  let previous: Lang | undefined;
  for (const p of paragraphs) {
    p.lang ??= previous;
    previous = p.lang;
  }
  return paragraphs;
}

function detectLayout(paragraphs: readonly Paragraph[]): Layout {
  const langs = paragraphs.map((p) => p.lang).filter((l): l is Lang => l !== undefined);
  let switches = 0;
  for (let i = 1; i < langs.length; i++) if (langs[i] !== langs[i - 1]) switches++;
  if (switches <= 1) return 'blocks';
  if (switches === langs.length - 1) return 'alternating';
  return 'mixed';
}

function requireBothLanguages(zhCount: number, enCount: number, file?: string): void {
  if (zhCount > 0 && enCount > 0) return;
  if (zhCount === 0 && enCount === 0)
    throw new BitextError('EMPTY_INPUT', 'the input has no Chinese or English text', { file });
  const [found, missing] = zhCount === 0 ? ['English', 'Chinese'] : ['Chinese', 'English'];
  throw new BitextError(
    'ONE_LANGUAGE',
    `found only ${found} paragraphs (${zhCount + enCount}), no ${missing}: give a bilingual document, or two files`,
    { file },
  );
}

/** Two files must be one Chinese and one English, in that order; a swapped pair is a usage error. */
function checkSides(
  zh: readonly string[],
  en: readonly string[],
  names: DocumentOptions['sourceNames'],
): void {
  const zhLang = detectLanguage(zh.join('\n'));
  const enLang = detectLanguage(en.join('\n'));
  const zhName = names?.zh ?? 'the first file';
  const enName = names?.en ?? 'the second file';
  if (zhLang === 'en' && enLang === 'zh') {
    throw new BitextError(
      'SIDES_SWAPPED',
      `${zhName} is English and ${enName} is Chinese: give the Chinese file first`,
    );
  }
  if (zhLang === 'en')
    throw new BitextError('ONE_LANGUAGE', 'expected Chinese text, found English', { file: names?.zh });
  if (enLang === 'zh')
    throw new BitextError('ONE_LANGUAGE', 'expected English text, found Chinese', { file: names?.en });
}

/** The paragraphs' sentences, each with where it is in the file (splitting is lossless, so the pieces' offsets add up). */
function toSentences(paragraphs: readonly Paragraph[], lang: Lang, presplit: boolean): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    const pieces = presplit ? [paragraph.text] : splitSentences(paragraph.text, lang);
    let at = 0;
    for (const piece of pieces) {
      const pieceAt = at;
      at += piece.length;
      const text = piece.trim();
      if (!text) continue;
      const start = pieceAt + piece.length - piece.trimStart().length;
      sentences.push({
        id: sentences.length,
        text,
        paragraph: index,
        source: paragraph.locate(start, start + text.length),
      });
    }
  });
  return sentences;
}

function offSwitches(): CleaningOptions {
  return { pinyinGlosses: false, unicode: false, controls: false, spaces: false };
}
