import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import {
  extractTermPairs,
  importTermEntries,
  listTermEntries,
  saveTermPairs,
  tmPairs,
} from '../../app/terms.js';
import type { QaPair } from '../../core/qa/index.js';
import { TERM_STATUSES, type TermEntry, type TermPair, type TermStatus } from '../../core/terms/index.js';
import { termEntriesToTbx } from '../../formats/tbx-write.js';
import {
  termEntriesToCsv,
  termEntriesToTsv,
  termPairsToEntries,
  termPairsToTsv,
} from '../../formats/terms-csv.js';
import type { EncodingName } from '../../io/decode.js';
import type { CliIo } from '../io.js';
import { withLanguageHint } from '../language-hint.js';
import { numberOption, withExamples, withSharedFlags } from '../options.js';
import { refuseOutputOverInputs, writeOutput } from '../output.js';
import { readPairs, readTermbase } from '../read-inputs.js';
import { storeFiles, storeLocation, withStore } from '../store-option.js';

const FORMATS = ['tsv', 'json', 'csv', 'tbx'] as const;
type TermsFormat = (typeof FORMATS)[number];

interface ExtractFlags {
  db?: string;
  format: TermsFormat;
  out?: string;
  save?: boolean;
  minScore: number;
  top?: number;
  encoding?: EncodingName;
  quiet?: boolean;
  verbose?: boolean;
}

const NOTES = `TSV columns: zh, en, score, kind, under a header row, which \`terms import\` reads back. Scores blend
a dictionary/pinyin match of the two sides with co-occurrence across pairs; see docs/terms-qa.md.`;

export function registerTerms(program: Command, io: CliIo): void {
  const terms = withSharedFlags(program.command('terms'), {
    format: FORMATS,
    out: true,
    db: true,
    encoding: true,
  })
    .description(
      'extract bilingual term pairs from aligned documents or the TM; import and list the termbase',
    )
    .argument(
      '[files...]',
      'bilingual documents (text, web page, .docx, PDF, .xlsx, .csv) or aligned pairs (.tsv, .jsonl, .tmx, .xliff); none: the TM (--db, else $BITEXT_DB, else ./bitext-tm.db)',
    )
    .option('--save', 'also store the extracted pairs in the termbase of the database (status admitted)')
    .addOption(numberOption('--min-score <n>', 'drop pairs scoring below this', { min: 0, max: 1 }, 0.7))
    .addOption(numberOption('--top <n>', 'keep only the n best pairs', { min: 1, integer: true }))
    .action(async (files: string[], flags: ExtractFlags) => {
      await refuseOutputOverInputs(io, flags.out, [...files, ...storeFiles(io, flags.db)]);
      const { minScore, top } = flags;
      let pairs: QaPair[] = [];
      let source: string;
      if (files.length > 0) {
        for (const file of files)
          pairs.push(...(await readPairs(io, file, { keepUnpaired: false, encoding: flags.encoding })));
        source = files.map((f) => basename(f)).join(', ');
      } else {
        // No files: the TM, found as every command finds it (--db, else $BITEXT_DB, else ./bitext-tm.db).
        pairs = await withStore(io, flags.db, 'read', (store) => tmPairs(store.tm));
        source = `TM ${basename(storeLocation(io, flags.db))}`;
      }
      const extracted = extractTermPairs(pairs, { minScore, top });
      if (flags.save) {
        const result = await withStore(io, flags.db, 'write', (store) =>
          saveTermPairs(store.termbase, extracted, source),
        );
        if (!flags.quiet) io.stderr.write(`termbase: ${result.added} added, ${result.updated} updated\n`);
      }
      await writeOutput(io, formatPairs(extracted, flags.format, source), flags.out);
    });
  withExamples(
    terms,
    [
      {
        command: 'bitext terms examples/press-release.txt',
        says: 'term pairs of a bilingual document (TSV)',
      },
      {
        command: 'bitext terms examples/press-release.txt --format tbx --out terms.tbx',
        says: 'as TBX-Basic',
      },
      {
        command: 'bitext terms --top 10',
        says: 'from every unit of the TM (--db, $BITEXT_DB or ./bitext-tm.db)',
      },
      {
        command: 'bitext terms examples/press-release.txt --save',
        says: 'and store them in the termbase (admitted)',
      },
      {
        command: 'bitext terms examples/press-release.txt > t.tsv && bitext terms import t.tsv',
        says: 'review, then import',
      },
      { command: 'bitext terms list --format csv', says: 'export the termbase' },
    ],
    NOTES,
  );

  // --db, --format, --out and --quiet belong to `terms` and are read from there (commander
  // hands options to the parent command wherever they stand), so the subcommands do not declare them again.
  const importCommand = terms
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
    .action(async (file: string, _flags: unknown, command: Command) => {
      const flags = command.optsWithGlobals<{
        db?: string;
        status?: TermStatus;
        encoding?: EncodingName;
        zhLang?: string;
        enLang?: string;
        format: TermsFormat;
        out?: string;
      }>();
      await refuseOutputOverInputs(io, flags.out, [file, ...storeFiles(io, flags.db)]);
      const entries = await readTermbase(io, file, flags.encoding, {
        zhLang: flags.zhLang,
        enLang: flags.enLang,
      }).catch((error: unknown) => Promise.reject(withLanguageHint(error)));
      const result = await withStore(io, flags.db, 'write', (store) =>
        importTermEntries(store.termbase, entries, { status: flags.status, source: basename(file) }),
      );
      const name = file === '-' ? '<stdin>' : file;
      const report =
        flags.format === 'json'
          ? `${JSON.stringify({ file: name, read: entries.length, ...result }, null, 2)}\n`
          : `${name}: ${entries.length} read, ${result.added} added, ${result.updated} updated\n`;
      await writeOutput(io, report, flags.out);
    });
  withExamples(
    importCommand,
    [
      { command: 'bitext terms import glossary.csv', says: 'a CSV with a zh,en[,status…] header' },
      {
        command: 'bitext terms import t.tsv --status admitted --format json',
        says: "the extractor's TSV, as JSON",
      },
      {
        command: 'bitext terms import terms.tbx --zh-lang zh-CN --en-lang en',
        says: 'a TBX, these language tags',
      },
    ],
    'A TBX with no Chinese or no English language section is refused, naming the languages it has.\n' +
      'Reads --db, --format json and --out from `bitext terms` (give them after `import` or before it).',
  );

  const list = terms
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
  withExamples(list, [
    { command: 'bitext terms list', says: 'zh, en, status, kind (TSV, with a header row)' },
    { command: 'bitext terms list --format tbx --out termbase.tbx', says: 'as TBX-Basic' },
  ]);
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
  return termEntriesToTsv(entries);
}
