import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import {
  extractTermPairs,
  importTermEntries,
  listTermEntries,
  saveTermPairs,
  tmPairs,
} from '../../app/terms.js';
import { BitextError } from '../../core/errors.js';
import type { QaPair } from '../../core/qa/index.js';
import { TERM_STATUSES, type TermEntry, type TermPair, type TermStatus } from '../../core/terms/index.js';
import { termEntriesToTbx } from '../../formats/tbx-write.js';
import { termEntriesToCsv, termPairsToEntries, termPairsToTsv } from '../../formats/terms-csv.js';
import type { EncodingName } from '../../io/decode.js';
import type { CliIo } from '../io.js';
import { withLanguageHint } from '../language-hint.js';
import { refuseOutputOverInputs, writeOutput } from '../output.js';
import { readPairs, readTermbase } from '../read-inputs.js';
import { DB_OPTION_HELP, ENCODINGS, storeFiles, storeLocation, withStore } from '../store-option.js';

const FORMATS = ['tsv', 'json', 'csv', 'tbx'] as const;
type TermsFormat = (typeof FORMATS)[number];

interface ExtractFlags {
  db?: string;
  format: TermsFormat;
  out?: string;
  save?: boolean;
  minScore: string;
  top?: string;
  encoding?: EncodingName;
}

const EXAMPLES = `
Examples:
  $ bitext terms examples/press-release.txt                  term pairs of a bilingual document (TSV)
  $ bitext terms a.txt b.txt --format tbx --out terms.tbx     pooled over documents, as TBX-Basic
  $ bitext terms --db tm.db --top 100                         from every unit of the translation memory
  $ bitext terms doc.txt --db tm.db --save                    and store them in the termbase (status admitted)
  $ bitext terms import glossary.csv --db tm.db               import a termbase (.csv, .tsv or .tbx)
  $ bitext terms list --db tm.db --format csv                 export the termbase

TSV columns: zh, en, score, kind. Scores blend a dictionary/pinyin match of the two sides with
co-occurrence across pairs; see docs/terms-qa.md.`;

export function registerTerms(program: Command, io: CliIo): void {
  const terms = program
    .command('terms')
    .description(
      'extract bilingual term pairs from aligned documents or the TM; import and list the termbase',
    )
    .argument(
      '[files...]',
      'bilingual documents (text, web page, .docx, PDF, .xlsx, .csv) or aligned pairs (.tsv, .jsonl, .tmx, .xliff); none: the TM of --db',
    )
    .option('--db <location>', DB_OPTION_HELP)
    .addOption(
      new Option('--encoding <name>', 'force the input encoding (default: detected)').choices(ENCODINGS),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('tsv'))
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('--save', 'also store the extracted pairs in the termbase of the database (status admitted)')
    .option('--min-score <n>', 'drop pairs scoring below this (0–1)', '0.7')
    .option('--top <n>', 'keep only the n best pairs')
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], flags: ExtractFlags) => {
      await refuseOutputOverInputs(io, flags.out, [...files, ...storeFiles(io, flags.db)]);
      const minScore = parseNumber(flags.minScore, '--min-score', 0, 1);
      const top =
        flags.top === undefined ? undefined : parseNumber(flags.top, '--top', 1, Number.MAX_SAFE_INTEGER);
      let pairs: QaPair[] = [];
      let source: string;
      if (files.length > 0) {
        for (const file of files)
          pairs.push(...(await readPairs(io, file, { keepUnpaired: false, encoding: flags.encoding })));
        source = files.map((f) => basename(f)).join(', ');
      } else if (flags.db !== undefined || io.env['BITEXT_DB'] !== undefined) {
        pairs = await withStore(io, flags.db, 'read', (store) => tmPairs(store.tm));
        source = `TM ${basename(storeLocation(io, flags.db))}`;
      } else {
        throw new BitextError(
          'USAGE',
          'give documents to extract terms from, or --db (or $BITEXT_DB) to extract from the TM',
        );
      }
      const extracted = extractTermPairs(pairs, { minScore, top });
      if (flags.save) {
        const result = await withStore(io, flags.db, 'write', (store) =>
          saveTermPairs(store.termbase, extracted, source),
        );
        io.stderr.write(`termbase: ${result.added} added, ${result.updated} updated\n`);
      }
      await writeOutput(io, formatPairs(extracted, flags.format, source), flags.out);
    });

  // --db, --format and --out belong to `terms` and are read from there (commander hands options to the
  // parent command wherever they stand), so the subcommands do not declare them again.
  terms
    .command('import')
    .description('import a termbase file (.tbx v2/v3, .csv, .tsv) into the database of --db')
    .argument('<file>', 'termbase file')
    .addOption(
      new Option('--status <status>', 'status for entries that name none').choices([...TERM_STATUSES]),
    )
    .option(
      '--zh-lang <tag>',
      'TBX: the language tag of the Chinese terms, and tags under it (default: any zh-*)',
    )
    .option(
      '--en-lang <tag>',
      'TBX: the language tag of the English terms, and tags under it (default: any en-*)',
    )
    .addHelpText(
      'after',
      '\nA TBX with no Chinese or no English language section is refused, naming the languages it has.\n' +
        '\nExample:\n  $ bitext terms import glossary.tbx --db tm.db --zh-lang zh-Hant --en-lang en-GB',
    )
    .action(async (file: string, _flags: unknown, command: Command) => {
      const flags = command.optsWithGlobals<{
        db?: string;
        status?: TermStatus;
        encoding?: EncodingName;
        zhLang?: string;
        enLang?: string;
      }>();
      const entries = await readTermbase(io, file, flags.encoding, {
        zhLang: flags.zhLang,
        enLang: flags.enLang,
      }).catch((error: unknown) => Promise.reject(withLanguageHint(error)));
      const result = await withStore(io, flags.db, 'write', (store) =>
        importTermEntries(store.termbase, entries, { status: flags.status, source: basename(file) }),
      );
      io.stdout.write(`${file}: ${entries.length} read, ${result.added} added, ${result.updated} updated\n`);
    });

  terms
    .command('list')
    .description('export the termbase of the database of --db (in --format, to --out)')
    .addOption(new Option('--status <status>', 'only entries with this status').choices([...TERM_STATUSES]))
    .action(async (_flags: unknown, command: Command) => {
      const flags = command.optsWithGlobals<{
        db?: string;
        format: TermsFormat;
        status?: TermStatus;
        out?: string;
      }>();
      await refuseOutputOverInputs(io, flags.out, storeFiles(io, flags.db));
      const entries = await withStore(io, flags.db, 'read', (store) =>
        listTermEntries(store.termbase, flags.status ? { status: flags.status } : {}),
      );
      await writeOutput(io, formatEntries(entries, flags.format), flags.out);
    });
}

function formatPairs(pairs: readonly TermPair[], format: TermsFormat, source: string): string {
  if (format === 'tsv') return termPairsToTsv(pairs);
  if (format === 'json') return JSON.stringify(pairs, null, 2) + '\n';
  return formatEntries(termPairsToEntries(pairs, `extracted:${source}`), format);
}

function formatEntries(entries: readonly TermEntry[], format: TermsFormat): string {
  if (format === 'json') return JSON.stringify(entries, null, 2) + '\n';
  if (format === 'csv') return termEntriesToCsv(entries);
  if (format === 'tbx') return termEntriesToTbx(entries);
  return entries
    .map(
      (e) => [e.zh, e.en, e.status, e.kind ?? ''].map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n',
    )
    .join('');
}

function parseNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new BitextError(
      'USAGE',
      `${flag} must be a number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'any' : max}, got "${value}"`,
    );
  }
  return n;
}
