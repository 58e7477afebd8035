import { type Command, Option } from 'commander';
import { alignDocumentInput, sideTextOf } from '../../app/document-input.js';
import { type AlignedDocument, alignDocument, type DocumentOptions } from '../../core/document.js';
import type { CleaningReport } from '../../core/normalize/index.js';
import { formatDocument, PAIR_FORMATS, type PairFormat, pairsToXlsx } from '../../formats/pairs.js';
import type { EncodingName } from '../../io/decode.js';
import type { CliIo } from '../io.js';
import { refuseBinaryOnTerminal, refuseOutputOverInputs, writeOutput } from '../output.js';
import { ENCODINGS, readInput } from '../store-option.js';

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
}

const EXAMPLES = `
Examples:
  $ bitext align examples/press-release.txt                  one file, Chinese then English paragraphs
  $ bitext align page.html                                   a web page: the article's text, no navigation
  $ bitext align release.docx                                a Word file: paragraphs, zh|en tables as pairs
  $ bitext align release.pdf                                 a PDF: lines re-joined, headers and page numbers dropped
  $ bitext align pairs.xlsx                                  a sheet (or .csv) of zh|en rows, either order
  $ bitext align project.xliff                               a TMX or XLIFF's two sides, aligned afresh
  $ bitext align zh.txt en.txt --format tmx --out pairs.tmx   two files, one per language
  $ bitext align --presplit zh.txt en.txt --format align      one sentence per line, never re-split
  $ bitext align doc.txt --format xlsx --out pairs.xlsx       a sheet to review the pairs in Excel
  $ cat doc.txt | bitext align - --format jsonl               read standard input
  $ bitext align doc.txt --script simplified --format json    Simplified output, with the cleaning report`;

export function registerAlign(program: Command, io: CliIo): void {
  program
    .command('align')
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
      new Option('--encoding <name>', 'force the input encoding (default: detected)').choices(ENCODINGS),
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...PAIR_FORMATS, 'json', 'xlsx'])
        .default('tsv'),
    )
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
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
    .option('-v, --verbose', 'report what cleaning changed, by kind, on stderr')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, enFile: string | undefined, flags: AlignFlags) => {
      await refuseOutputOverInputs(io, flags.out, [file, enFile]);
      if (flags.format === 'xlsx') refuseBinaryOnTerminal(io, 'xlsx', flags.out);
      const options: DocumentOptions = {
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
      if (enFile === undefined) {
        document = await alignDocumentInput(await readInput(io, file), {
          ...options,
          encoding: flags.encoding,
        });
      } else {
        const [zh, en] = await Promise.all(
          [file, enFile].map(async (path) => sideTextOf(await readInput(io, path), flags.encoding)),
        );
        document = alignDocument({ zh: zh!, en: en! }, { ...options, sourceNames: { zh: file, en: enFile } });
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
