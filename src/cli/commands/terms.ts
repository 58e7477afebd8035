import { basename, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { BitextError } from '../../core/errors.js';
import type { QaPair } from '../../core/qa/index.js';
import {
  extractTerms,
  TERM_STATUSES,
  type TermEntry,
  type TermPair,
  type TermStatus,
} from '../../core/terms/index.js';
import { termEntriesToTbx } from '../../formats/tbx-write.js';
import { termEntriesToCsv, termPairsToEntries, termPairsToTsv } from '../../formats/terms-csv.js';
import { DEFAULT_DB_PATH } from '../../store/sqlite/database.js';
import { openSqliteTmStore } from '../../store/sqlite/sqlite-tm-store.js';
import { openSqliteTermbase } from '../../store/sqlite/termbase-store.js';
import type { CliIo } from '../io.js';
import { databaseFiles, refuseOutputOverInputs, writeOutput } from '../output.js';
import { readPairs, readTermbase } from '../pair-input.js';

const FORMATS = ['tsv', 'json', 'csv', 'tbx'] as const;
type TermsFormat = (typeof FORMATS)[number];

interface ExtractFlags {
  db?: string;
  format: TermsFormat;
  out?: string;
  save?: boolean;
  minScore: string;
  top?: string;
}

const DB_HELP = `bitext database holding the TM and termbase (default: $BITEXT_DB, else ./${DEFAULT_DB_PATH})`;

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
    .argument('[files...]', 'bilingual documents or aligned pair files (.tsv, .jsonl); none: the TM of --db')
    .option('--db <path>', DB_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('tsv'))
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('--save', 'also store the extracted pairs in the termbase of the database (status admitted)')
    .option('--min-score <n>', 'drop pairs scoring below this (0–1)', '0.7')
    .option('--top <n>', 'keep only the n best pairs')
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], flags: ExtractFlags) => {
      await refuseOutputOverInputs(io, flags.out, [...files, ...databaseFiles(dbPath(io, flags.db))]);
      const minScore = parseNumber(flags.minScore, '--min-score', 0, 1);
      const top =
        flags.top === undefined ? undefined : parseNumber(flags.top, '--top', 1, Number.MAX_SAFE_INTEGER);
      let pairs: QaPair[] = [];
      let source: string;
      if (files.length > 0) {
        for (const file of files) pairs.push(...(await readPairs(file, io, { keepUnpaired: false })));
        source = files.map((f) => basename(f)).join(', ');
      } else if (flags.db !== undefined) {
        pairs = await tmPairs(dbPath(io, flags.db));
        source = `TM ${basename(flags.db)}`;
      } else {
        throw new BitextError(
          'USAGE',
          'give documents to extract terms from, or --db to extract from the TM',
        );
      }
      let extracted = extractTerms(pairs, { minScore });
      if (top !== undefined) extracted = extracted.slice(0, Math.floor(top));
      if (flags.save) {
        const store = openSqliteTermbase(dbPath(io, flags.db));
        try {
          const result = await store.add(termPairsToEntries(extracted, `extracted:${source}`));
          io.stderr.write(`termbase: ${result.added} added, ${result.updated} updated\n`);
        } finally {
          await store.close();
        }
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
    .action(async (file: string, _flags: unknown, command: Command) => {
      const flags = command.optsWithGlobals<{ db?: string; status?: TermStatus }>();
      const entries = (await readTermbase(file, io)).map((e) => ({
        ...e,
        ...(flags.status && !hasExplicitStatus(e) ? { status: flags.status } : {}),
        source: e.source ?? basename(file),
      }));
      const store = openSqliteTermbase(dbPath(io, flags.db));
      try {
        const result = await store.add(entries);
        io.stdout.write(
          `${file}: ${entries.length} read, ${result.added} added, ${result.updated} updated\n`,
        );
      } finally {
        await store.close();
      }
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
      await refuseOutputOverInputs(io, flags.out, databaseFiles(dbPath(io, flags.db)));
      const store = openSqliteTermbase(dbPath(io, flags.db));
      let entries: TermEntry[];
      try {
        entries = (await store.list(flags.status ? { status: flags.status } : {})).map(
          ({ id: _id, createdAt: _at, ...e }) => e,
        );
      } finally {
        await store.close();
      }
      await writeOutput(io, formatEntries(entries, flags.format), flags.out);
    });
}

/** Entries from a table without a status column were given 'preferred' by the reader; TBX always says. */
function hasExplicitStatus(entry: TermEntry): boolean {
  return entry.status !== 'preferred';
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

async function tmPairs(path: string): Promise<QaPair[]> {
  const store = openSqliteTmStore(path);
  try {
    const pairs: QaPair[] = [];
    for await (const unit of store.units()) pairs.push({ zh: unit.zh, en: unit.en });
    return pairs;
  } finally {
    await store.close();
  }
}

function dbPath(io: CliIo, db: string | undefined): string {
  return resolve(io.cwd, db ?? io.env['BITEXT_DB'] ?? DEFAULT_DB_PATH);
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
