import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { addDocumentsToTm, deleteTmDocument, exportTm, importTmFile } from '../../app/tm.js';
import type { DocumentInput } from '../../app/use-case.js';
import { BitextError } from '../../core/errors.js';
import type { Lang } from '../../core/types.js';
import type { EncodingName } from '../../io/decode.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../store/export.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../store/import-file.js';
import type { CliIo } from '../io.js';
import { withLanguageHint } from '../language-hint.js';
import { refuseBinaryOnTerminal, refuseOutputOverInputs, writeOutput } from '../output.js';
import { DB_OPTION_HELP, ENCODINGS, readInput, storeFiles, withStore } from '../store-option.js';
import {
  describeAdd,
  describeDocuments,
  describeHit,
  describeMatch,
  formatBytes,
  hitJson,
  matchJson,
} from './tm-output.js';

type OutputFormat = 'text' | 'json';

const EXAMPLES = `
Examples:
  $ bitext tm add examples/press-release.txt             align a bilingual document and store its pairs
  $ bitext tm add --replace examples/press-release.txt   a revised version replaces the stored one
  $ bitext tm import memory.tmx                          TMX 1.1–1.4b, TSV or XLIFF 1.2/2.0 (by extension)
  $ bitext tm import pairs.txt --from tsv --db my.db     name the format and the database
  $ bitext tm lookup "王廣成匯報了重慶市2021年外事工作情況"  fuzzy matches, best first
  $ bitext tm search 友協 --format json                  concordance in either language
  $ bitext tm export --format tmx --min-confidence 0.5 --out tm.tmx
  $ bitext tm export --format xliff2 --zh-lang zh-TW --out tm.xlf   XLIFF 2.0: one language pair
  $ bitext tm export --format xlsx --out tm.xlsx          a sheet to review in Excel
  $ bitext tm documents                                  what the TM holds, by document
  $ bitext tm delete 3                                   remove document 3 and its units
  $ bitext tm stats --db postgres://bitext@db.example/tm a team TM on PostgreSQL`;

interface CommonFlags {
  db?: string;
  format: OutputFormat;
}

export function registerTm(program: Command, io: CliIo): void {
  const tm = program
    .command('tm')
    .description('translation memory: store aligned pairs, import/export TMX, TSV, XLIFF, fuzzy lookup')
    .addHelpText('after', EXAMPLES);

  withEncoding(withCommon(tm.command('add')))
    .description('align bilingual documents and store their pairs (a document already stored adds nothing)')
    .argument(
      '<files...>',
      'bilingual documents (text, web page, .docx, PDF, .xlsx or CSV of zh|en rows, TMX/XLIFF re-aligned), each holding both languages ("-" for stdin)',
    )
    .option('--replace', 'a changed document replaces the stored versions of the same name')
    .addHelpText('after', '\nExample:\n  $ bitext tm add examples/press-release.txt --format json')
    .action(async (files: string[], flags: CommonFlags & { replace?: boolean; encoding?: EncodingName }) => {
      const inputs: DocumentInput[] = [];
      for (const file of files) inputs.push(await readInput(io, file));
      await withStore(io, flags.db, 'write', async ({ tm }) => {
        const results = await addDocumentsToTm(tm, inputs, {
          encoding: flags.encoding,
          replace: flags.replace,
        });
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        else for (const result of results) io.stdout.write(describeAdd(result.name, result));
      });
    });

  withEncoding(withCommon(tm.command('import')))
    .description('import a TMX, TSV or XLIFF file (streamed; all or nothing; duplicates counted, not stored)')
    .argument('<file>', 'file to import')
    .addOption(new Option('--from <format>', 'input format (default: by extension)').choices(IMPORT_FORMATS))
    .option('--replace', 'a changed file replaces the stored versions of the same name')
    .option(
      '--zh-lang <tag>',
      'the language tag of the Chinese side, and tags under it (default: any zh-*); e.g. zh-Hant-HK, or yue',
    )
    .option('--en-lang <tag>', 'the language tag of the English side, and tags under it (default: any en-*)')
    .addHelpText(
      'after',
      '\nA TMX or XLIFF file with no Chinese or no English language is refused, naming the languages it has;\n' +
        '--zh-lang and --en-lang say which of them to read (a TMX variant in another tag is then not read,\n' +
        "and another language's tag is stored as zh-… or en-…).\n" +
        '\nExamples:\n  $ bitext tm import memory.tmx\n  $ bitext tm import pairs.txt --from tsv --encoding utf-16le\n' +
        '  $ bitext tm import memory.tmx --zh-lang zh-Hant-HK --en-lang en-GB',
    )
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
        await withStore(io, flags.db, 'write', async ({ tm }) => {
          const progress = io.isTTY && flags.format === 'text';
          const result = await importTmFile(tm, resolve(io.cwd, file), {
            format: flags.from,
            encoding: flags.encoding,
            zhLang: flags.zhLang,
            enLang: flags.enLang,
            displayName: file,
            replace: flags.replace,
            onProgress: progress ? (p) => io.stderr.write(`\r${file}: ${p.done} units read…`) : undefined,
          }).catch((error: unknown) => Promise.reject(withLanguageHint(error)));
          if (progress) io.stderr.write('\n');
          if (flags.format === 'json') io.stdout.write(`${JSON.stringify({ file, ...result }, null, 2)}\n`);
          else io.stdout.write(describeAdd(`${file} (${result.format})`, result));
        });
      },
    );

  withCommon(tm.command('export'), false)
    .description('write the TM (or a filtered part) as TMX 1.4, TSV, XLIFF 1.2 or 2.0, JSON lines or XLSX')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('tmx'))
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('--document <ref>', 'only units from this document (id, or its name as `tm documents` shows)')
    .option('--since <date>', 'only units created at or after this date (ISO 8601)')
    .option('--until <date>', 'only units created before this date (ISO 8601)')
    .option('--min-confidence <n>', 'only units with at least this alignment confidence (0–1)')
    .option('--zh-lang <tag>', 'only units with this Chinese language tag (zh-TW also takes zh-TW-…)')
    .option('--en-lang <tag>', 'only units with this English language tag')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm export --out tm.tmx\n  $ bitext tm export --format tsv --document examples/press-release.txt --since 2026-01-01',
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
          zhLang?: string;
          enLang?: string;
        },
      ) => {
        const filter = {
          document: flags.document,
          since: flags.since === undefined ? undefined : parseDate(flags.since, '--since'),
          until: flags.until === undefined ? undefined : parseDate(flags.until, '--until'),
          minConfidence:
            flags.minConfidence === undefined
              ? undefined
              : parseNumber(flags.minConfidence, '--min-confidence', 1),
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

  withCommon(tm.command('lookup'))
    .description('fuzzy matches for a segment, best first, with a CAT-style match percentage')
    .argument('<text>', 'the segment to look up (Chinese or English)')
    .addOption(new Option('--lang <lang>', 'language of the text (default: detected)').choices(['zh', 'en']))
    .option('--min <score>', 'lowest match percentage (0–100)', '70')
    .option('--limit <n>', 'at most this many matches', '5')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm lookup "重庆市2021年外事工作情况"\n  $ bitext tm lookup "Wang Guangcheng met Jiang Jiang" --min 50 --format json',
    )
    .action(async (text: string, flags: CommonFlags & { lang?: Lang; min: string; limit: string }) => {
      const options = {
        lang: flags.lang,
        min: parseNumber(flags.min, '--min', 100),
        limit: parseNumber(flags.limit, '--limit'),
      };
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const matches = await tm.lookup(text, options);
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(matches.map(matchJson), null, 2)}\n`);
        else if (matches.length === 0) io.stdout.write('no matches\n');
        else for (const match of matches) io.stdout.write(describeMatch(match));
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
      const options = { lang: flags.lang, limit: parseNumber(flags.limit, '--limit') };
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const hits = await tm.search(term, options);
        if (flags.format === 'json') io.stdout.write(`${JSON.stringify(hits.map(hitJson), null, 2)}\n`);
        else if (hits.length === 0) io.stdout.write('no hits\n');
        else for (const hit of hits) io.stdout.write(describeHit(hit, io.isTTY));
      });
    });

  withCommon(tm.command('documents'))
    .description('list the documents of the TM: id, units, date added, kind, name')
    .addHelpText('after', '\nExample:\n  $ bitext tm documents --format json')
    .action(async (flags: CommonFlags) => {
      await withStore(io, flags.db, 'read', async ({ tm }) => {
        const documents = await tm.documents();
        io.stdout.write(
          flags.format === 'json' ? `${JSON.stringify(documents, null, 2)}\n` : describeDocuments(documents),
        );
      });
    });

  withCommon(tm.command('delete'))
    .description('delete a document and its units from the TM')
    .argument('<document>', 'the document: its id, or its name as `tm documents` shows it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bitext tm delete 3\n  $ bitext tm delete examples/press-release.txt',
    )
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

  withCommon(tm.command('stats'))
    .description('what the TM holds: units, documents, languages, size')
    .addHelpText('after', '\nExample:\n  $ bitext tm stats --format json')
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
}

function withCommon(command: Command, outputFormat = true): Command {
  command.option('--db <location>', DB_OPTION_HELP);
  if (outputFormat) {
    command.addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
    );
  }
  return command;
}

function withEncoding(command: Command): Command {
  return command.addOption(
    new Option('--encoding <name>', 'force the input encoding (default: detected)').choices(ENCODINGS),
  );
}

/** A non-negative number, at most `max` when given (exit 1 with the allowed range otherwise). */
function parseNumber(value: string, option: string, max?: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (max !== undefined && n > max)) {
    const range = max === undefined ? 'a non-negative number' : `a number from 0 to ${max}`;
    throw new BitextError('USAGE', `${option} expects ${range}, got "${value}"`);
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
