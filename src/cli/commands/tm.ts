import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { addDocumentsToTm, deleteTmDocument, exportTm, importTmFile } from '../../app/tm.js';
import type { DocumentInput } from '../../app/use-case.js';
import { BitextError } from '../../core/errors.js';
import { detectLang } from '../../core/fuzzy/detect-lang.js';
import type { Lang } from '../../core/types.js';
import type { EncodingName } from '../../io/decode.js';
import { MAX_INPUT_BYTES } from '../../io/read-text.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../store/export.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../store/import-file.js';
import type { CliIo } from '../io.js';
import { withLanguageHint } from '../language-hint.js';
import { numberOption, outputMode, withExamples, withSharedFlags } from '../options.js';
import { refuseBinaryOnTerminal, refuseOutputOverInputs, writeOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { readInput, storeFiles, withStore } from '../store-option.js';
import { describeMatch } from './match-text.js';
import { describeAdd, describeDocuments, describeHit, formatBytes, hitJson, matchJson } from './tm-output.js';

type OutputFormat = 'text' | 'json';

const TM_NOTES = `The TM is --db, else $BITEXT_DB, else ./bitext-tm.db: a SQLite file, or a team TM on PostgreSQL
(--db postgres://user@host/database). Run \`bitext tm COMMAND --help\` for each command's options.`;

interface CommonFlags {
  db?: string;
  format: OutputFormat;
  quiet?: boolean;
  verbose?: boolean;
}

export function registerTm(program: Command, io: CliIo): void {
  const tm = program
    .command('tm')
    .description('translation memory: store aligned pairs, import/export TMX, TSV, XLIFF, fuzzy lookup');
  withExamples(
    tm,
    [
      {
        command: 'bitext tm add examples/press-release.txt',
        says: 'align a bilingual document and store its pairs',
      },
      {
        command: 'bitext tm import memory.tmx',
        says: 'TMX 1.1–1.4b, TSV or XLIFF 1.2/2.0 (by root element, else extension)',
      },
      {
        command: 'bitext tm lookup "市对外友协办、史迪威研究中心(重庆史迪威博物馆)负责人参与了上述活动。"',
        says: 'fuzzy matches, best first',
      },
      { command: 'bitext tm search 史迪威博物館', says: 'concordance in either language' },
      { command: 'bitext tm export --format tmx --out tm.tmx', says: 'the whole TM as TMX 1.4' },
      { command: 'bitext tm stats', says: 'units, documents, languages, size' },
    ],
    TM_NOTES,
  );

  const add = withSharedFlags(tm.command('add'), {
    format: ['text', 'json'],
    db: true,
    encoding: true,
    verbose: 'report the time taken and units per second on stderr',
  })
    .description('align bilingual documents and store their pairs (a document already stored adds nothing)')
    .argument(
      '<files...>',
      'bilingual documents (text, web page, .docx, PDF, .xlsx or CSV of zh|en rows, TMX/XLIFF re-aligned), each holding both languages ("-" for stdin)',
    )
    .option('--replace', 'a changed document replaces the stored versions of the same name')
    .action(async (files: string[], flags: CommonFlags & { replace?: boolean; encoding?: EncodingName }) => {
      const inputs: DocumentInput[] = [];
      for (const file of files) inputs.push(await readInput(io, file));
      const bar = progressBar(io, outputMode(io, flags).progress);
      const started = performance.now();
      const results = await withStore(
        io,
        flags.db,
        'write',
        ({ tm }) =>
          addDocumentsToTm(tm, inputs, {
            encoding: flags.encoding,
            replace: flags.replace,
            onProgress: bar.onProgress,
          }),
        bar.onProgress,
      ).finally(bar.stop);
      if (outputMode(io, flags).verbose)
        reportRate(
          io,
          'added',
          results.reduce((n, r) => n + r.read, 0),
          started,
        );
      if (flags.format === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else for (const result of results) io.stdout.write(describeAdd(result.name, result));
    });
  withExamples(
    add,
    [
      {
        command: 'bitext tm add examples/press-release.txt',
        says: 'align a bilingual document and store its pairs',
      },
      {
        command: 'bitext tm add --replace examples/press-release.txt --format json',
        says: 'a revised version replaces the stored one',
      },
    ],
    'Each file holds both languages. For a text in two files, align them first and import the pairs:\n' +
      '  bitext align zh.txt en.txt --format tmx --out pairs.tmx && bitext tm import pairs.tmx',
  );

  const importCommand = withSharedFlags(tm.command('import'), {
    format: ['text', 'json'],
    db: true,
    encoding: true,
    languages: 'TMX, XLIFF',
    verbose: 'report the time taken and units per second on stderr',
  })
    .description('import a TMX, TSV or XLIFF file (streamed; all or nothing; duplicates counted, not stored)')
    .argument('<file>', 'file to import ("-" for stdin, read whole first: give --from tsv for a TSV)')
    .addOption(
      new Option('--from <format>', 'input format (default: by root element, else by extension)').choices(
        IMPORT_FORMATS,
      ),
    )
    .option('--replace', 'a changed file replaces the stored versions of the same name')
    .action(
      async (
        file: string,
        flags: CommonFlags & {
          from?: ImportFormat;
          replace?: boolean;
          encoding?: EncodingName;
          zhLang?: string;
          enLang?: string;
        },
      ) => {
        const bar = progressBar(io, outputMode(io, flags).progress);
        const name = file === '-' ? '<stdin>' : file;
        const started = performance.now();
        const result = await withPath(io, file, (path) =>
          withStore(
            io,
            flags.db,
            'write',
            ({ tm }) =>
              importTmFile(tm, path, {
                format: flags.from,
                encoding: flags.encoding,
                zhLang: flags.zhLang,
                enLang: flags.enLang,
                displayName: name,
                replace: flags.replace,
                onProgress: bar.onProgress,
              }),
            bar.onProgress,
          ),
        )
          .catch((error: unknown) => Promise.reject(withLanguageHint(error)))
          .finally(bar.stop);
        if (outputMode(io, flags).verbose) reportRate(io, `${name}: imported`, result.read, started);
        if (flags.format === 'json')
          io.stdout.write(`${JSON.stringify({ file: name, ...result }, null, 2)}\n`);
        else io.stdout.write(describeAdd(`${name} (${result.format})`, result));
      },
    );
  withExamples(
    importCommand,
    [
      { command: 'bitext tm import memory.tmx', says: 'a TMX (by root element, else extension)' },
      {
        command: 'bitext tm import pairs.tsv --db other.db --format json',
        says: 'zh<TAB>en lines, into another TM',
      },
      { command: 'cat memory.tmx | bitext tm import -', says: 'standard input' },
      {
        command: 'bitext tm import memory.tmx --zh-lang zh-TW --en-lang en',
        says: 'only these language tags',
      },
    ],
    'A TMX or XLIFF file with no Chinese or no English language is refused, naming the languages it has;\n' +
      '--zh-lang and --en-lang say which of them to read (a TMX variant in another tag is then not read,\n' +
      "and another language's tag is stored as zh-… or en-…). A TSV's header row (zh<TAB>en, source<TAB>target,\n" +
      'or language tags) names the columns and is not stored; a third column must be a confidence (0–1).',
  );

  const exportCommand = withSharedFlags(tm.command('export'), {
    format: ['tmx', ...EXPORT_FORMATS.filter((f) => f !== 'tmx')],
    out: true,
    db: true,
  })
    .description('write the TM (or a filtered part) as TMX 1.4, TSV, XLIFF 1.2 or 2.0, JSON lines or XLSX')
    .option('--document <ref>', 'only units from this document (id, or its name as `tm documents` shows)')
    .option('--since <date>', 'only units created at or after this date (ISO 8601)')
    .option('--until <date>', 'only units created before this date (ISO 8601)')
    .addOption(
      numberOption('--min-confidence <n>', 'only units with at least this alignment confidence', {
        min: 0,
        max: 1,
      }),
    )
    .option('--zh-lang <tag>', 'only units with this Chinese language tag (zh-TW also takes zh-TW-…)')
    .option('--en-lang <tag>', 'only units with this English language tag')
    .action(
      async (
        flags: Omit<CommonFlags, 'format'> & {
          format: ExportFormat;
          out?: string;
          document?: string;
          since?: string;
          until?: string;
          minConfidence?: number;
          zhLang?: string;
          enLang?: string;
        },
      ) => {
        const filter = {
          document: flags.document,
          since: flags.since === undefined ? undefined : parseDate(flags.since, '--since'),
          until: flags.until === undefined ? undefined : parseDate(flags.until, '--until'),
          minConfidence: flags.minConfidence,
          zhLang: flags.zhLang,
          enLang: flags.enLang,
        };
        const databases = storeFiles(io, flags.db);
        await refuseOutputOverInputs(io, flags.out, databases);
        if (flags.format === 'xlsx') refuseBinaryOnTerminal(io, 'xlsx', flags.out);
        await withStore(io, flags.db, 'read', async ({ tm }) => {
          await writeOutput(io, await exportTm(tm, flags.format, filter), flags.out, databases);
        });
      },
    );
  withExamples(exportCommand, [
    { command: 'bitext tm export --out tm.tmx', says: 'TMX 1.4, valid against its DTD' },
    {
      command: 'bitext tm export --format tsv --document press-release.txt --min-confidence 0.5',
      says: 'one document, confident pairs',
    },
    {
      command: 'bitext tm export --format xliff2 --zh-lang zh-TW --out tm.xlf',
      says: 'XLIFF 2.0: one language pair',
    },
    { command: 'bitext tm export --format xlsx --out tm.xlsx', says: 'a sheet to review in Excel' },
  ]);

  const lookup = withSharedFlags(tm.command('lookup'), { format: ['text', 'json'], db: true })
    .description('fuzzy matches for a segment, best first, with a CAT-style match percentage')
    .argument('<text>', 'the segment to look up (Chinese or English)')
    .addOption(new Option('--lang <lang>', 'language of the text (default: detected)').choices(['zh', 'en']))
    .addOption(numberOption('--min <score>', 'lowest match percentage', { min: 0, max: 100 }, 70))
    .addOption(numberOption('--limit <n>', 'at most this many matches', { min: 1, integer: true }, 5))
    .action(async (text: string, flags: CommonFlags & { lang?: Lang; min: number; limit: number }) => {
      const options = { lang: flags.lang, min: flags.min, limit: flags.limit };
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const matches = await tm.lookup(text, options);
        const { colour } = outputMode(io, flags);
        const lang = flags.lang ?? detectLang(text);
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(matches.map(matchJson), null, 2)}\n`);
        else if (matches.length === 0) io.stdout.write(`no matches of ${flags.min}% or more\n`);
        else for (const match of matches) io.stdout.write(describeMatch(match, text, lang, colour));
      });
    });
  withExamples(
    lookup,
    [
      {
        command: 'bitext tm lookup "市对外友协办、史迪威研究中心(重庆史迪威博物馆)负责人参与了上述活动。"',
        says: 'Simplified finds Traditional; what differs is marked',
      },
      {
        command:
          'bitext tm lookup "Persons in charge of the Chongqing People\'s Association for Friendship with Foreign Countries and Stilwell Research Center attended the events." --min 60',
        says: 'English, a lower threshold',
      },
      {
        command:
          'bitext tm lookup "4月15日,市政府外办党组成员、二级巡视员,市对外友协副会长王广成率队赴全国对外友协、中促会汇报重庆市民间对外交往工作情况,争取全国对外友协及中促会对我市对外工作的帮助与支持。" --format json',
        says: 'with the differing numbers (and inline codes) as data',
      },
    ],
    'Text output marks what the match has that the query lacks, and the numbers that differ (inverse video\n' +
      'on a terminal, «…» otherwise; NO_COLOR turns colour off), and shows inline codes as {1}…{/1} and {2/}.',
  );

  const search = withSharedFlags(tm.command('search'), { format: ['text', 'json'], db: true })
    .description('concordance: units containing a term in either language, the hit marked')
    .argument('<term>', 'text to find (Traditional finds Simplified and back; case is ignored)')
    .addOption(new Option('--lang <lang>', 'search only this side').choices(['zh', 'en']))
    .addOption(numberOption('--limit <n>', 'at most this many hits', { min: 1, integer: true }, 20))
    .action(async (term: string, flags: CommonFlags & { lang?: Lang; limit: number }) => {
      const options = { lang: flags.lang, limit: flags.limit };
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const hits = await tm.search(term, options);
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(hits.map(hitJson), null, 2)}\n`);
        else if (hits.length === 0) io.stdout.write('no hits\n');
        else for (const hit of hits) io.stdout.write(describeHit(hit, outputMode(io, flags).colour));
      });
    });
  withExamples(search, [
    { command: 'bitext tm search 友协', says: 'Simplified finds Traditional' },
    { command: 'bitext tm search "Stilwell Museum" --lang en --format json', says: 'one side, as JSON' },
  ]);

  const documents = withSharedFlags(tm.command('documents'), { format: ['text', 'json'], db: true })
    .description('list the documents of the TM: id, units, date added, kind, name')
    .action(async (flags: CommonFlags) => {
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const documents = await tm.documents();
        io.stdout.write(
          flags.format === 'json' ? `${JSON.stringify(documents, null, 2)}\n` : describeDocuments(documents),
        );
      });
    });

  withExamples(documents, [{ command: 'bitext tm documents', says: 'id, units, date added, kind, name' }]);

  const deleteCommand = withSharedFlags(tm.command('delete'), { format: ['text', 'json'], db: true })
    .description('delete a document and its units from the TM')
    .argument('<document>', 'the document: its id, or its name as `tm documents` shows it')
    .action(async (ref: string, flags: CommonFlags) => {
      await withStore(io, flags.db, 'write', async ({ tm }) => {
        const deleted = await deleteTmDocument(tm, ref);
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify({ deleted }, null, 2)}\n`);
        else
          io.stdout.write(
            `deleted document ${deleted.id} (${deleted.name}) and its ${deleted.units} units\n`,
          );
      });
    });

  withExamples(deleteCommand, [
    { command: 'bitext tm delete 1', says: 'by id' },
    { command: 'bitext tm delete examples/press-release.txt --format json', says: 'by name' },
  ]);

  const stats = withSharedFlags(tm.command('stats'), { format: ['text', 'json'], db: true })
    .description('what the TM holds: units, documents, languages, size')
    .action(async (flags: CommonFlags) => {
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const stats = await tm.stats();
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
  withExamples(stats, [
    { command: 'bitext tm stats --format json', says: 'units, documents, languages, size' },
  ]);
}

/** `--verbose`: how long the work took and how many units a second that is. */
function reportRate(io: CliIo, what: string, units: number, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `${what} ${units} units in ${seconds.toFixed(1)} s (${Math.round(units / Math.max(seconds, 0.001))} units/s)\n`,
  );
}

/**
 * Runs `work` on a file path: the file itself, or for `-` standard input saved to a temporary file
 * first (the import streams from a file, reading it twice: once to hash it, once to parse it).
 */
async function withPath<T>(io: CliIo, file: string, work: (path: string) => Promise<T>): Promise<T> {
  if (file !== '-') return work(resolve(io.cwd, file));
  const bytes = await io.readStdin(MAX_INPUT_BYTES);
  const dir = await mkdtemp(join(tmpdir(), 'bitext-stdin-'));
  try {
    const path = join(dir, 'stdin');
    await writeFile(path, bytes);
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
