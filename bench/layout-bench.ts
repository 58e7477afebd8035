/**
 * The same documents laid out the ways users' files come: every dev document's sentences written
 * as two files (or one file of both languages) in a given layout, aligned by `alignDocument` as
 * `bitext align` aligns them (cleaning on), and scored by the pairs exactly equal to a gold bead
 * (white space aside; 1-0 and 0-1 beads left out): precision, recall, F1. A layout whose F1 is far
 * under "lines" is one bitext reads worse than it should.
 *
 *   npm run bench:layouts [-- --layout NAME]
 *
 * Reads ../shared/eval in place (copyrighted: never copied into the repository).
 */
import { alignDocument, type BilingualSource } from '../src/core/document.js';
import { toSimplified, toTraditional } from '../src/core/lexicon/script.js';
import { DEV_SETS, EVAL_ROOT, type GoldDocument, readDevSet } from './eval-data.js';

/** Sentences joined into paragraphs of `size` (a line each), with `join` between sentences. */
function paragraphs(sentences: readonly string[], size: number, join: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += size) out.push(sentences.slice(i, i + size).join(join));
  return out;
}

/** Each paragraph wrapped at `width` characters (at spaces, or anywhere for Chinese), blank lines between. */
function wrapped(paragraphTexts: readonly string[], width: number, chinese: boolean): string {
  return paragraphTexts
    .map((text) => {
      const lines: string[] = [];
      let line = '';
      for (const piece of chinese ? [...text] : text.split(' ')) {
        const next = line === '' ? piece : `${line}${chinese ? '' : ' '}${piece}`;
        if (line !== '' && next.length > width) {
          lines.push(line);
          line = piece;
        } else line = next;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}

/** How each layout writes a document. */
const LAYOUTS: Record<string, (doc: GoldDocument) => BilingualSource> = {
  'lines (a sentence a line, both sides)': (doc) => ({ zh: doc.zh.join('\n'), en: doc.en.join('\n') }),
  'blocks (each side one paragraph)': (doc) => ({ zh: doc.zh.join(''), en: doc.en.join(' ') }),
  'Chinese one line, English lines': (doc) => ({ zh: doc.zh.join(''), en: doc.en.join('\n') }),
  'Chinese lines, English one paragraph': (doc) => ({ zh: doc.zh.join('\n'), en: doc.en.join(' ') }),
  'Chinese paragraphs of 10, English lines': (doc) => ({
    zh: paragraphs(doc.zh, 10, '').join('\n'),
    en: doc.en.join('\n'),
  }),
  'paragraphs of 5 (cut on each side alone)': (doc) => ({
    zh: paragraphs(doc.zh, 5, '').join('\n'),
    en: paragraphs(doc.en, 5, ' ').join('\n'),
  }),
  'English wrapped at 72 columns': (doc) => ({
    zh: paragraphs(doc.zh, 5, '').join('\n'),
    en: wrapped(paragraphs(doc.en, 5, ' '), 72, false),
  }),
  'Chinese wrapped at 36 characters': (doc) => ({
    zh: wrapped(paragraphs(doc.zh, 5, ''), 36, true),
    en: paragraphs(doc.en, 5, ' ').join('\n'),
  }),
  'one file: the Chinese, then the English wrapped': (doc) => ({
    combined: `${paragraphs(doc.zh, 5, '').join('\n')}\n\n${wrapped(paragraphs(doc.en, 5, ' '), 72, false)}`,
  }),
  'one file: paragraphs of 5 alternating, Chinese first': (doc) => {
    const zh = paragraphs(doc.zh, 5, '');
    const en = paragraphs(doc.en, 5, ' ');
    const both = zh.flatMap((paragraph, p) => [paragraph, en[p] ?? '']).concat(en.slice(zh.length));
    return { combined: both.filter(Boolean).join('\n\n') };
  },
  'one file: each gold pair on two lines, Chinese then English': (doc) => ({
    combined: doc.gold
      .filter((bead) => bead.zh.length > 0 && bead.en.length > 0)
      .map((bead) => `${bead.zh.map((i) => doc.zh[i]).join('')}\n${bead.en.map((j) => doc.en[j]).join(' ')}`)
      .join('\n'),
  }),
  'Windows line ends, a sentence a line': (doc) => ({ zh: doc.zh.join('\r\n'), en: doc.en.join('\r\n') }),
  'Chinese in Traditional characters, a sentence a line': (doc) => ({
    zh: doc.zh.map((sentence) => toTraditional(sentence)).join('\n'),
    en: doc.en.join('\n'),
  }),
  'Chinese with ASCII punctuation, one paragraph a side': (doc) => ({
    zh: doc.zh.map((sentence) => sentence.replace(/[。，？！：；]/g, (c) => ASCII_PUNCTUATION[c]!)).join(''),
    en: doc.en.join(' '),
  }),
  'Chinese letter-spaced, a sentence a line': (doc) => ({
    zh: doc.zh.map((sentence) => [...sentence].join(' ')).join('\n'),
    en: doc.en.join('\n'),
  }),
};

/** The ASCII punctuation sloppy or converted Chinese text uses for the full-width marks. */
const ASCII_PUNCTUATION: Record<string, string> = {
  '。': '.',
  '，': ',',
  '？': '?',
  '！': '!',
  '：': ':',
  '；': ';',
};

/**
 * Text compared without white space, its punctuation made one and its characters as a round trip
 * through Traditional leaves them (着 → 著 → 著: what a layout in Traditional can give back), since
 * the layouts change these.
 */
const squeeze = (text: string) =>
  toSimplified(toTraditional(text.replace(/\s+/g, ''))).replace(
    /[。，？！：；]/g,
    (c) => ASCII_PUNCTUATION[c]!,
  );

/** Gold pairs found, pairs predicted (both sides non-empty), gold pairs. */
function score(doc: GoldDocument, source: BilingualSource): [number, number, number] {
  const gold = new Set(
    doc.gold
      .filter((bead) => bead.zh.length > 0 && bead.en.length > 0)
      .map(
        (bead) =>
          `${squeeze(bead.zh.map((i) => doc.zh[i]).join(''))}|${squeeze(bead.en.map((j) => doc.en[j]).join(' '))}`,
      ),
  );
  let found = 0;
  let predicted = 0;
  for (const pair of alignDocument(source).pairs) {
    if (!pair.zh || !pair.en) continue;
    predicted++;
    if (gold.has(`${squeeze(pair.zh)}|${squeeze(pair.en)}`)) found++;
  }
  return [found, predicted, gold.size];
}

async function main(): Promise<void> {
  const documents: GoldDocument[] = [];
  for (const set of DEV_SETS) documents.push(...((await readDevSet(set)) ?? []));
  if (documents.length === 0) {
    console.log(`layout-bench: skipped, no evaluation data at ${EVAL_ROOT}`);
    return;
  }
  const only = process.argv.includes('--layout')
    ? process.argv[process.argv.indexOf('--layout') + 1]
    : undefined;
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    if (only && !name.startsWith(only)) continue;
    let [found, predicted, gold] = [0, 0, 0];
    for (const doc of documents) {
      const [f, p, g] = score(doc, layout(doc));
      found += f;
      predicted += p;
      gold += g;
    }
    const precision = found / predicted;
    const recall = found / gold;
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(
      `${name.padEnd(50)} exact pairs F1 ${f1.toFixed(4)}  (precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}; ${found} of ${gold})`,
    );
  }
}

await main();
