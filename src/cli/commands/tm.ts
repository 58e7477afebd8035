import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { alignDocument } from '../../core/document.js';
import { BitextError } from '../../core/errors.js';
import type { Lang } from '../../core/types.js';
import { readTextFile } from '../../io/read-text.js';
import { EXPORT_FORMATS, type ExportFormat, exportUnits } from '../../store/export.js';
import { IMPORT_FORMATS, type ImportFormat, importFile } from '../../store/import-file.js';
import { DEFAULT_DB_PATH } from '../../store/sqlite/database.js';
import { openSqliteTmStore } from '../../store/sqlite/sqlite-tm-store.js';
import type { TmAddResult, TmConcordanceHit, TmMatch, TmStore } from '../../store/tm-store.js';
import type { CliIo } from '../io.js';
import { databaseFiles, writeOutput } from '../output.js';

type OutputFormat = 'text' | 'json';

const DB_HELP = `the TM database (default: $BITEXT_DB, else ./${DEFAULT_DB_PATH})`;

const EXAMPLES = `
Examples:
  $ bitext tm add examples/press-release.txt             align a bilingual document and store its pairs
  $ bitext tm import memory.tmx                          TMX 1.1–1.4b, TSV or XLIFF 1.2/2.0 (by extension)
  $ bitext tm import pairs.txt --from tsv --db my.db     name the format and the database
  $ bitext tm lookup "王廣成匯報了重慶市2021年外事工作情況"  fuzzy matches, best first
  $ bitext tm search 友協 --format json                  concordance in either language
  $ bitext tm export --format tmx --min-confidence 0.5 --out tm.tmx
  $ bitext tm stats --format json`;

export function registerTm(program: Command, io: CliIo): void {
  const tm = program
    .command('tm')
    .description('translation memory: store aligned pairs, import/export TMX, TSV, XLIFF, fuzzy lookup')
    .addHelpText('after', EXAMPLES);

  withCommon(tm.command('add'))
    .description('align bilingual documents and store their pairs (a document already stored adds nothing)')
    .argument('<files...>', 'bilingual documents (both languages in one file)')
    .addHelpText('after', '\nExample:\n  $ bitext tm add examples/press-release.txt --format json')
    .action(async (files: string[], flags: CommonFlags) => {
      await withStore(io, flags, async (store) => {
        const results = [];
        for (const file of files) {
          const text = (await readTextFile(file, { cwd: io.cwd, readStdin: io.readStdin })).text;
          const document = alignDocument({ combined: text }, { sourceNames: { combined: file } });
          const contentHash = createHash('sha256').update(text).digest('hex');
          const units = document.pairs.map((pair, position) => ({
            zh: pair.zh,
            en: pair.en,
            position,
            confidence: Math.round(pair.confidence * 1000) / 1000,
          }));
          const result = await store.addDocument(
            { name: basename(file), contentHash, kind: 'aligned' },
            units,
          );
          results.push({ file, ...result });
          if (flags.format === 'text') io.stdout.write(describeAdd(file, result));
        }
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      });
    });

  withCommon(tm.command('import'))
    .description('import a TMX, TSV or XLIFF file (streamed; all or nothing; duplicates counted, not stored)')
    .argument('<file>', 'file to import')
    .addOption(new Option('--from <format>', 'input format (default: by extension)').choices(IMPORT_FORMATS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm import memory.tmx\n  $ bitext tm import pairs.txt --from tsv',
    )
    .action(async (file: string, flags: CommonFlags & { from?: ImportFormat }) => {
      await withStore(io, flags, async (store) => {
        const progress =
          io.isTTY && flags.format === 'text'
            ? (read: number) => io.stderr.write(`\r${file}: ${read} units read…`)
            : undefined;
        const result = await importFile(store, resolve(io.cwd, file), {
          format: flags.from,
          displayName: file,
          onProgress: progress,
        });
        if (progress) io.stderr.write('\n');
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify({ file, ...result }, null, 2)}\n`);
        else io.stdout.write(describeAdd(`${file} (${result.format})`, result));
      });
    });

  withCommon(tm.command('export'), false)
    .description('write the TM (or a filtered part) as TMX 1.4, TSV, XLIFF 1.2 or JSON lines')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('tmx'))
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('--document <name>', 'only units from this document (name or id)')
    .option('--since <date>', 'only units created at or after this date (ISO 8601)')
    .option('--until <date>', 'only units created before this date (ISO 8601)')
    .option('--min-confidence <n>', 'only units with at least this alignment confidence (0–1)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm export --out tm.tmx\n  $ bitext tm export --format tsv --document press-release.txt --since 2026-01-01',
    )
    .action(
      async (
        flags: Omit<CommonFlags, 'format'> & {
          format: ExportFormat;
          out?: string;
          document?: string;
          since?: string;
          until?: string;
          minConfidence?: string;
        },
      ) => {
        await withStore(io, flags, async (store) => {
          const filter = {
            document: flags.document,
            since: flags.since === undefined ? undefined : parseDate(flags.since, '--since'),
            until: flags.until === undefined ? undefined : parseDate(flags.until, '--until'),
            minConfidence:
              flags.minConfidence === undefined
                ? undefined
                : parseNumber(flags.minConfidence, '--min-confidence'),
          };
          const chunks = exportUnits(store, flags.format, filter);
          if (flags.out === undefined || flags.out === '-') {
            for await (const chunk of chunks) io.stdout.write(chunk);
          } else {
            await writeOutput(
              io,
              chunks,
              flags.out,
              databaseFiles(flags.db ?? io.env['BITEXT_DB'] ?? DEFAULT_DB_PATH),
            );
          }
        });
      },
    );

  withCommon(tm.command('lookup'))
    .description('fuzzy matches for a segment, best first, with a CAT-style match percentage')
    .argument('<text>', 'the segment to look up (Chinese or English)')
    .addOption(new Option('--lang <lang>', 'language of the text (default: detected)').choices(['zh', 'en']))
    .option('--min <score>', 'lowest match percentage', '70')
    .option('--limit <n>', 'at most this many matches', '5')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm lookup "重庆市2021年外事工作情况"\n  $ bitext tm lookup "Wang Guangcheng met Jiang Jiang" --min 50 --format json',
    )
    .action(async (text: string, flags: CommonFlags & { lang?: Lang; min: string; limit: string }) => {
      await withStore(io, flags, async (store) => {
        const matches = await store.lookup(text, {
          lang: flags.lang,
          min: parseNumber(flags.min, '--min'),
          limit: parseNumber(flags.limit, '--limit'),
        });
        if (flags.format === 'json') {
          io.stdout.write(`${JSON.stringify(matches.map(matchJson), null, 2)}\n`);
        } else if (matches.length === 0) {
          io.stdout.write('no matches\n');
        } else {
          for (const match of matches) io.stdout.write(describeMatch(match));
        }
      });
    });

  withCommon(tm.command('search'))
    .description('concordance: units containing a term in either language, the hit marked')
    .argument('<term>', 'text to find (Traditional finds Simplified and back; case is ignored)')
    .addOption(new Option('--lang <lang>', 'search only this side').choices(['zh', 'en']))
    .option('--limit <n>', 'at most this many hits', '20')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm search 友協\n  $ bitext tm search "foreign affairs" --lang en --format json',
    )
    .action(async (term: string, flags: CommonFlags & { lang?: Lang; limit: string }) => {
      await withStore(io, flags, async (store) => {
        const hits = await store.search(term, {
          lang: flags.lang,
          limit: parseNumber(flags.limit, '--limit'),
        });
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(hits.map(hitJson), null, 2)}\n`);
        else if (hits.length === 0) io.stdout.write('no hits\n');
        else for (const hit of hits) io.stdout.write(describeHit(hit, io.isTTY));
      });
    });

  withCommon(tm.command('stats'))
    .description('what the TM holds: units, documents, languages, size')
    .addHelpText('after', '\nExample:\n  $ bitext tm stats --format json')
    .action(async (flags: CommonFlags) => {
      await withStore(io, flags, async (store) => {
        const stats = await store.stats();
        if (flags.format === 'json') {
          io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
          return;
        }
        const tags = (counts: Record<string, number>) =>
          Object.entries(counts)
            .map(([tag, n]) => `${tag} ${n}`)
            .join(', ') || '-';
        io.stdout.write(
          `units:      ${stats.units}\n` +
            `documents:  ${stats.documents}\n` +
            `Chinese:    ${tags(stats.languages.zh)} (Simplified ${stats.scripts.simplified}, Traditional ${stats.scripts.traditional})\n` +
            `English:    ${tags(stats.languages.en)}\n` +
            `size:       ${stats.bytes === null ? 'unknown' : formatBytes(stats.bytes)}\n` +
            `schema:     version ${stats.schemaVersion}\n`,
        );
      });
    });
}

interface CommonFlags {
  db?: string;
  format: OutputFormat;
}

function withCommon(command: Command, outputFormat = true): Command {
  command.option('--db <path>', DB_HELP);
  if (outputFormat) {
    command.addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
    );
  }
  return command;
}

async function withStore<T>(
  io: CliIo,
  flags: { db?: string },
  work: (store: TmStore) => Promise<T>,
): Promise<T> {
  const path = resolve(io.cwd, flags.db ?? io.env['BITEXT_DB'] ?? DEFAULT_DB_PATH);
  const store = openSqliteTmStore(path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function describeAdd(name: string, result: TmAddResult): string {
  if (result.alreadyPresent) return `${name}: already in the TM, nothing added\n`;
  const skipped = result.skipped ? `, ${result.skipped} skipped (a side empty)` : '';
  return `${name}: ${result.read} read, ${result.added} added, ${result.duplicates} duplicates${skipped}\n`;
}

function matchJson(match: TmMatch) {
  return {
    score: match.score,
    zh: match.unit.zh,
    en: match.unit.en,
    numbers: match.numbers,
    unit: match.unit,
  };
}

function describeMatch(match: TmMatch): string {
  const numbers = match.numbers.length
    ? `  (numbers differ: ${match.numbers.map((n) => `${n.query || '∅'} ≠ ${n.match ?? '∅'}`).join(', ')})`
    : '';
  return `${String(match.score).padStart(3)}%  ${match.unit.zh}\n      ${match.unit.en}${numbers}\n`;
}

/** Characters of context shown either side of a concordance hit. */
const CONTEXT = 40;

function hitJson(hit: TmConcordanceHit) {
  const text = hit.lang === 'zh' ? hit.unit.zh : hit.unit.en;
  return {
    lang: hit.lang,
    before: text.slice(Math.max(0, hit.start - CONTEXT), hit.start),
    hit: text.slice(hit.start, hit.end),
    after: text.slice(hit.end, hit.end + CONTEXT),
    start: hit.start,
    end: hit.end,
    zh: hit.unit.zh,
    en: hit.unit.en,
    unit: hit.unit,
  };
}

function describeHit(hit: TmConcordanceHit, tty: boolean): string {
  const parts = hitJson(hit);
  const [open, close] = tty ? ['\u001b[1;33m', '\u001b[0m'] : ['«', '»'];
  const before = (hit.start > CONTEXT ? '…' : '') + parts.before;
  const text = hit.lang === 'zh' ? hit.unit.zh : hit.unit.en;
  const after = parts.after + (hit.end + CONTEXT < text.length ? '…' : '');
  const other = hit.lang === 'zh' ? hit.unit.en : hit.unit.zh;
  return `${hit.lang}  ${before}${open}${parts.hit}${close}${after}\n    ${other}\n`;
}

function parseNumber(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new BitextError('USAGE', `${option} expects a non-negative number, got "${value}"`);
  }
  return n;
}

function parseDate(value: string, option: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new BitextError(
      'USAGE',
      `${option} expects a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "${value}"`,
    );
  }
  return date;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
