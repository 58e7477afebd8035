import { type Command, Option } from 'commander';
import { alignDocumentInput, sideTextOf } from '../../app/document-input.js';
import type { Progress } from '../../app/use-case.js';
import { type AlignedDocument, alignDocument, type DocumentOptions } from '../../core/document.js';
import type { CleaningReport } from '../../core/normalize/index.js';
import { formatDocument, PAIR_FORMATS, type PairFormat, pairsToXlsx } from '../../formats/pairs.js';
import type { EncodingName } from '../../io/decode.js';
import type { CliIo } from '../io.js';
import { withLanguageHint } from '../language-hint.js';
import { outputMode, withExamples, withSharedFlags } from '../options.js';
import { refuseBinaryOnTerminal, refuseOutputOverInputs, writeOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { readInput } from '../store-option.js';

interface AlignFlags {
  presplit?: boolean;
  encoding?: EncodingName;
  format: PairFormat | 'json' | 'xlsx';
  out?: string;
  script: 'original' | 'simplified' | 'traditional';
  keepUnpaired?: boolean;
  clean: boolean;
  pinyinGlosses: boolean;
  unicode: boolean;
  controls: boolean;
  spaces: boolean;
  verbose?: boolean;
  quiet?: boolean;
  zhLang?: string;
  enLang?: string;
}

export function registerAlign(program: Command, io: CliIo): void {
  const align = withSharedFlags(program.command('align'), {
    format: [...PAIR_FORMATS, 'json', 'xlsx'],
    out: true,
    encoding: true,
    languages: 'TMX, XLIFF input',
    verbose: 'report sentence counts and what cleaning changed, by kind, on stderr',
  })
    .description(
      'align a bilingual document (one file with both languages, or two files) into sentence pairs',
    )
    .argument(
      '<file>',
      'bilingual document (text, web page, .docx, PDF, .xlsx or CSV of zh|en rows, TMX, XLIFF), or the Chinese side when a second file is given ("-" for stdin)',
    )
    .argument('[en-file]', 'the English side')
    .option('--presplit', 'inputs have one sentence per line: never re-split (needs two files)')
    .addOption(
      new Option('--script <script>', 'script of the Chinese output')
        .choices(['original', 'simplified', 'traditional'])
        .default('original'),
    )
    .option('--keep-unpaired', 'also output sentences with no counterpart (1-0 and 0-1 beads)')
    .option('--no-clean', 'switch off all cleaning')
    .option('--no-pinyin-glosses', 'keep parenthesised pinyin glosses such as 協(xié)')
    .option('--no-unicode', 'skip Unicode NFC normalisation')
    .option('--no-controls', 'keep control and zero-width characters')
    .option('--no-spaces', 'keep full-width spaces and runs of white space')
    .action(async (file: string, enFile: string | undefined, flags: AlignFlags) => {
      await refuseOutputOverInputs(io, flags.out, [file, enFile]);
      if (flags.format === 'xlsx') refuseBinaryOnTerminal(io, 'xlsx', flags.out);
      const bar = progressBar(io, outputMode(io, flags).progress);
      const name = enFile === undefined ? file : `${file} + ${enFile}`;
      const onProgress = (done: number, total: number) =>
        bar.onProgress({ phase: 'align', item: name, done, total, unit: 'steps' } satisfies Progress);
      const options: DocumentOptions = {
        onProgress,
        presplit: flags.presplit,
        script: flags.script,
        keepUnpaired: flags.keepUnpaired,
        cleaning: flags.clean
          ? {
              pinyinGlosses: flags.pinyinGlosses,
              unicode: flags.unicode,
              controls: flags.controls,
              spaces: flags.spaces,
            }
          : false,
      };
      let document: AlignedDocument;
      try {
        if (enFile === undefined) {
          document = await alignDocumentInput(await readInput(io, file), {
            ...options,
            encoding: flags.encoding,
            languages: { zhLang: flags.zhLang, enLang: flags.enLang },
          }).catch((error: unknown) => Promise.reject(withLanguageHint(error)));
        } else {
          const [zh, en] = await Promise.all(
            [file, enFile].map(async (path) => sideTextOf(await readInput(io, path), flags.encoding)),
          );
          document = alignDocument(
            { zh: zh!, en: en! },
            { ...options, sourceNames: { zh: file, en: enFile } },
          );
        }
      } finally {
        bar.stop();
      }
      const source = enFile === undefined ? file : `${file} + ${enFile}`;
      const output =
        flags.format === 'xlsx'
          ? pairsToXlsx(document.pairs, source)
          : flags.format === 'json'
            ? documentJson(document, source)
            : formatDocument(document, flags.format, source);
      if (flags.verbose) {
        io.stderr.write(
          `${source}: ${document.zh.length} zh and ${document.en.length} en sentences, ${document.pairs.length} pairs ` +
            `(${document.layout}, ${document.inputScript}); cleaned: ${describeCleaning(document.cleaning)}\n`,
        );
      }
      await writeOutput(io, output, flags.out);
    });
  withExamples(align, [
    { command: 'bitext align examples/press-release.txt', says: 'one file, Chinese then English paragraphs' },
    { command: 'bitext align page.html', says: "a web page: the article's text, no navigation" },
    { command: 'bitext align release.docx', says: 'a Word file: paragraphs, zh|en tables as pairs' },
    { command: 'bitext align release.pdf', says: 'a PDF: lines re-joined, headers and page numbers dropped' },
    { command: 'bitext align pairs.xlsx', says: 'a sheet (or .csv) of zh|en rows, either order' },
    { command: 'bitext align memory.tmx', says: "a TMX or XLIFF's two sides, aligned afresh" },
    {
      command: 'bitext align zh.txt en.txt --format tmx --out pairs.tmx',
      says: 'two files, one per language',
    },
    {
      command: 'bitext align --presplit zh.txt en.txt --format align',
      says: 'one sentence per line, never re-split',
    },
    {
      command: 'bitext align examples/press-release.txt --format xlsx --out pairs.xlsx',
      says: 'a sheet to review in Excel',
    },
    {
      command: 'cat examples/press-release.txt | bitext align - --format jsonl',
      says: 'read standard input',
    },
    {
      command: 'bitext align examples/press-release.txt --script simplified --format json',
      says: 'Simplified output, with the cleaning report',
    },
  ]);
}

/** `--format json`: the whole result, with the cleaning report. */
function documentJson(document: AlignedDocument, source: string): string {
  const json = {
    source,
    layout: document.layout,
    inputScript: document.inputScript,
    outputScript: document.outputScript,
    cleaning: document.cleaning,
    sentences: { zh: document.zh.length, en: document.en.length },
    pairs: document.pairs,
    beads: document.beads,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function describeCleaning(report: CleaningReport): string {
  const parts = Object.entries(report)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
