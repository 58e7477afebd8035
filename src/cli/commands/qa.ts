import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { checkTranslations, type FileFinding, parseSuppressions } from '../../app/qa.js';
import { listTermEntries } from '../../app/terms.js';
import { BitextError } from '../../core/errors.js';
import { type Finding, QA_CHECKS, QA_RULES, type QaCheck } from '../../core/qa/index.js';
import { findingsToHtml } from '../../formats/qa-html.js';
import type { EncodingName } from '../../io/decode.js';
import type { CliIo } from '../io.js';
import { withLanguageHint } from '../language-hint.js';
import { outputMode, withExamples, withSharedFlags } from '../options.js';
import { refuseOutputOverInputs, writeOutput } from '../output.js';
import { readPairs, readTermbase } from '../read-inputs.js';
import { DB_OPTION_HELP, storeFiles, withStore } from '../store-option.js';

export type { FileFinding };

interface QaFlags {
  termbase?: string;
  db?: string;
  format: 'text' | 'json' | 'html';
  out?: string;
  checks?: string;
  failOn?: 'error' | 'warning' | 'info';
  all?: boolean;
  ignoreFile?: string;
  encoding?: EncodingName;
  quiet?: boolean;
  verbose?: boolean;
  zhLang?: string;
  enLang?: string;
}

/** The project file naming the QA rules a team has chosen not to see. */
const IGNORE_FILE = '.bitext-qa-ignore';

const NOTES = `Input: a bilingual document (text, web page, .docx, PDF, .xlsx or CSV of zh|en rows; aligned first, as by
\`bitext align\`), or aligned pairs as .tsv (zh<TAB>en), .jsonl ({"zh":…,"en":…} per line), or the
units of a TMX or XLIFF file (checked as they are, not re-aligned). Checks: ${QA_CHECKS.join(', ')}.
--fail-on makes the exit code 1 when a finding that severe is found (for CI). Info findings are shown
with --all. Rules named in ${IGNORE_FILE} (one rule ID or check per line, # comments; read from the
current directory, or --ignore-file) are not reported: ${QA_RULES.join(', ')}.`;

export function registerQa(program: Command, io: CliIo): void {
  const qa = withSharedFlags(program.command('qa'), {
    format: ['text', 'json', 'html'],
    out: true,
    db: `enforce the termbase stored with the TM: ${DB_OPTION_HELP}`,
    encoding: true,
    languages: 'TMX, XLIFF input',
  })
    .description(
      'check aligned translations: numbers, dates, names, terms, omissions, untranslated text, consistency',
    )
    .argument(
      '<files...>',
      'bilingual documents (text, web page, .docx, PDF, .xlsx, .csv) or aligned pairs (.tsv, .jsonl, .tmx, .xliff); "-" for stdin',
    )
    .option('--termbase <file>', 'termbase to enforce: .tbx, .csv, .tsv, or a bitext database (.db)')
    .option('--checks <list>', `comma-separated checks to run (default: all)`)
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit with status 1 when a finding this severe or worse is found',
      ).choices(['error', 'warning', 'info']),
    )
    .option('--all', 'show info findings too (hidden by default)')
    .option(
      '--ignore-file <file>',
      `QA rules not to report, one per line (default: ./${IGNORE_FILE} when present)`,
    )
    .action(async (files: string[], flags: QaFlags) => {
      await refuseOutputOverInputs(io, flags.out, [
        ...files,
        flags.termbase,
        ...(flags.db === undefined ? [] : storeFiles(io, flags.db)),
      ]);
      const checks = parseChecks(flags.checks);
      const termbase = [
        ...(flags.termbase ? await readTermbase(io, flags.termbase, flags.encoding) : []),
        ...(flags.db
          ? await withStore(io, flags.db, 'read', (store) => listTermEntries(store.termbase))
          : []),
      ];
      const inputs = [];
      for (const file of files)
        inputs.push({
          name: file,
          pairs: await readPairs(io, file, {
            keepUnpaired: true,
            encoding: flags.encoding,
            languages: { zhLang: flags.zhLang, enLang: flags.enLang },
          }).catch((error: unknown) => Promise.reject(withLanguageHint(error))),
        });
      const {
        findings,
        pairs: pairCount,
        hiddenInfo,
      } = checkTranslations(inputs, {
        termbase,
        ...(checks ? { checks } : {}),
        all: flags.all === true,
        suppress: await readSuppressions(io, flags.ignoreFile),
      });
      const output =
        flags.format === 'json'
          ? JSON.stringify(findings, null, 2) + '\n'
          : flags.format === 'html'
            ? findingsToHtml(findings, { title: `bitext QA: ${files.join(', ')}`, pairs: pairCount })
            : findingsToText(findings, pairCount, outputMode(io, flags).colour, hiddenInfo);
      await writeOutput(io, output, flags.out);
      failIfSevere(findings, flags.failOn);
    });
  withExamples(
    qa,
    [
      { command: 'bitext qa examples/press-release.txt', says: 'check a bilingual document' },
      {
        command: 'bitext qa pairs.tsv --termbase glossary.csv',
        says: 'aligned pairs (zh<TAB>en), with a termbase',
      },
      { command: 'bitext qa memory.tmx', says: "a TM's units, each checked as a pair" },
      {
        command: 'bitext qa examples/press-release.txt --format html --out report.html',
        says: 'one self-contained HTML report',
      },
      {
        command: 'bitext qa examples/press-release.txt --checks number,date,name --fail-on error',
        says: 'exit 1: the slip in the sample is an error (for CI)',
        exit: 1,
      },
    ],
    NOTES,
  );
}

/** The rules of --ignore-file, or of ./.bitext-qa-ignore when there is one. */
async function readSuppressions(io: CliIo, file: string | undefined): Promise<string[]> {
  const target = path.resolve(io.cwd, file ?? IGNORE_FILE);
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    if (file === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new BitextError('USAGE', `cannot read ${file ?? IGNORE_FILE}: ${(error as Error).message}`);
  }
  return parseSuppressions(text, file ?? IGNORE_FILE);
}

function parseChecks(list: string | undefined): QaCheck[] | undefined {
  if (list === undefined) return undefined;
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(QA_CHECKS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new BitextError(
      'USAGE',
      `unknown check ${unknown.map((n) => `"${n}"`).join(', ') || '(none given)'}; checks are ${QA_CHECKS.join(', ')}`,
    );
  }
  return names as QaCheck[];
}

function failIfSevere(findings: readonly Finding[], failOn: QaFlags['failOn']): void {
  if (!failOn) return;
  const order = ['error', 'warning', 'info'];
  const severe = findings.filter((f) => order.indexOf(f.severity) <= order.indexOf(failOn));
  if (severe.length > 0) {
    throw new BitextError(
      'QA_FAILED',
      `${severe.length} finding${severe.length === 1 ? '' : 's'} at ${failOn} level or worse`,
    );
  }
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' } as const;
const RESET = '\x1b[0m';

/** Readable text: one block per finding, spans marked »…« (inverse video on a terminal), then a summary. */
export function findingsToText(
  findings: readonly FileFinding[],
  pairCount: number,
  colour: boolean,
  hiddenInfo = 0,
): string {
  const mark = (text: string, spans: readonly { start: number; end: number }[]) => {
    let out = '';
    let at = 0;
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      if (span.start < at) continue;
      out += text.slice(at, span.start);
      const inner = text.slice(span.start, span.end);
      out += colour ? `\x1b[7m${inner}\x1b[27m` : `»${inner}«`;
      at = span.end;
    }
    return out + text.slice(at);
  };
  const blocks = findings.map((f) => {
    const severity = colour ? `${COLOURS[f.severity]}${f.severity}${RESET}` : f.severity;
    return (
      `${f.file}: pair ${f.pair + 1}: ${severity} [${f.check}] ${f.message}\n` +
      `  zh: ${mark(f.zh.text, f.zh.spans)}\n` +
      `  en: ${mark(f.en.text, f.en.spans)}\n` +
      `  hint: ${f.hint}\n`
    );
  });
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const summary =
    `${findings.length} finding${findings.length === 1 ? '' : 's'} ` +
    `(${count('error')} errors, ${count('warning')} warnings, ${count('info')} info) in ${pairCount} pairs` +
    (hiddenInfo > 0 ? `; ${hiddenInfo} info not shown (--all shows them)\n` : '\n');
  return [...blocks, summary].join('\n');
}
