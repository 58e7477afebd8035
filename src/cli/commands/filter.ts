import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeOrigin, type FilterVerdict, filterPairFiles } from '../../app/filter.js';
import { pairFilesOf } from '../../app/filter-input.js';
import { FILTER_FORMATS, type FilterFormat, FilterOutputs } from '../../app/filter-output.js';
import { BitextError } from '../../core/errors.js';
import {
  configFileOf,
  defaultFilterConfig,
  FILTER_RULES,
  type FilterConfig,
  type FilterPair,
  type PairOrigin,
  RULE_NAMES,
  resolveFilterConfig,
} from '../../core/filter/index.js';
import type { EncodingName } from '../../io/decode.js';
import type { CliIo } from '../io.js';
import { type Example, withExamples, withSharedFlags } from '../options.js';
import { refuseOutputOverInputs } from '../output.js';

interface FilterFlags {
  out?: string;
  rejected?: string;
  format: FilterFormat;
  scores?: boolean;
  config?: string;
  stats?: string;
  explain?: string;
  printConfig?: boolean;
  encoding?: EncodingName;
}

const EXAMPLES: readonly Example[] = [
  {
    command: 'bitext filter aligned/ --out corpus --format moses --rejected rejected.jsonl',
    says: 'a batch output folder into corpus.zh + corpus.en',
  },
  {
    command: 'bitext filter pairs.tsv --out kept.tsv --scores',
    says: "every rule's score as a column, to threshold later",
  },
  {
    command: 'bitext filter pairs.jsonl --out kept.jsonl --config filter.json',
    says: 'thresholds from a config file',
  },
  { command: 'bitext filter --print-config > filter.json', says: 'the defaults, to edit' },
  { command: 'bitext filter pairs.tsv --explain 3', says: 'why the pair on line 3 is kept or dropped' },
];

const NOTES = `Rules, in the order they run (a rejected pair names the first that rejects it):
${[...FILTER_RULES.map((r) => `  ${r.name.padEnd(15)} ${r.description}`), '  duplicate       the same pair seen before (provenance: where)', '  near-duplicate  the same once width, case, punctuation and Traditional/Simplified are folded'].join('\n')}

The stats (pairs, kept, rejections by rule and by document) go to OUT.stats.json unless --stats says.`;

export function registerFilter(program: Command, io: CliIo): void {
  const command = program
    .command('filter')
    .description(
      'filter aligned pairs for MT training: Chinese-aware rules, dedupe, a reason for every rejection',
    )
    .argument('[input]', 'pairs: .tsv, .jsonl or .tmx, or a folder of them (a batch output folder)');
  withSharedFlags(command, {
    format: ['tsv', ...FILTER_FORMATS.filter((f) => f !== 'tsv')],
    out: 'kept pairs, written atomically (moses: the prefix of OUT.zh and OUT.en)',
    encoding: true,
  })
    .option('--rejected <file>', 'rejected pairs as JSONL, each with its rule, reason and origin')
    .option(
      '--scores',
      'write every rule’s score with each kept pair (TSV columns, JSONL "scores", TMX props, moses OUT.scores)',
    )
    .option('--config <file>', 'rules and thresholds (JSON; see --print-config)')
    .option('--stats <file>', 'where the stats go (default: OUT.stats.json)')
    .option(
      '--explain <pair>',
      'print why one pair is kept or dropped, every rule with its score: LINE or FILE:LINE (a TMX: FILE:UNIT)',
    )
    .option('--print-config', 'print the default config (every rule, its thresholds) and exit');
  withExamples(command, EXAMPLES, NOTES).action(async (input: string | undefined, flags: FilterFlags) => {
    const config = flags.config ? await readConfig(io, flags.config) : defaultFilterConfig();
    if (flags.printConfig) {
      io.stdout.write(`${JSON.stringify(configFileOf(config), null, 2)}\n`);
      return;
    }
    if (input === undefined) throw new BitextError('USAGE', 'give the pairs to filter (a file or a folder)');
    const files = await pairFilesOf(input, io.cwd);
    if (flags.explain !== undefined) {
      await explain(io, files, config, flags.explain, flags.encoding);
      return;
    }
    if (flags.out === undefined)
      throw new BitextError('USAGE', 'give --out for the kept pairs (or --explain PAIR)');
    const outputOptions = {
      out: flags.out,
      format: flags.format,
      rejected: flags.rejected,
      stats: flags.stats,
      scores: Boolean(flags.scores),
      scoreColumns: FILTER_RULES.map((r) => r.name).filter((name) => config.rules[name]?.enabled),
      cwd: io.cwd,
    };
    for (const path of FilterOutputs.paths(outputOptions))
      await refuseOutputOverInputs(io, path, [...files, flags.config]);
    const outputs = new FilterOutputs(outputOptions);
    try {
      await outputs.begin();
      const stats = await filterPairFiles(
        files,
        config,
        { onVerdict: (o, p, v) => outputs.write(o, p, v), encoding: flags.encoding },
        io.cwd,
      );
      await outputs.finish(stats);
      const rules = Object.entries(stats.byRule)
        .sort((a, b) => b[1] - a[1])
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ');
      io.stdout.write(
        `${stats.pairs} pairs: ${stats.kept} kept, ${stats.rejected} rejected${rules ? ` (${rules})` : ''}\n`,
      );
    } catch (error) {
      await outputs.abort(error);
      throw error;
    }
  });
}

async function readConfig(io: CliIo, file: string): Promise<FilterConfig> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch {
    throw new BitextError('USAGE', 'cannot read the config file', { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BitextError('FILTER_CONFIG', `not JSON: ${(error as Error).message}`, { file });
  }
  return resolveFilterConfig(raw, file);
}

/** `--explain`: the one pair's verdict, every rule's outcome, and for a copy, the pair it repeats. */
async function explain(
  io: CliIo,
  files: readonly string[],
  config: FilterConfig,
  which: string,
  encoding: EncodingName | undefined,
): Promise<void> {
  const match = /^(?:(.*):)?(\d+)$/.exec(which);
  if (!match) throw new BitextError('USAGE', `--explain takes LINE or FILE:LINE, got "${which}"`);
  const file = match[1] ?? files[0]!;
  const at = Number(match[2]);
  const wanted = (origin: PairOrigin) =>
    (origin.file === file || resolve(io.cwd, origin.file) === resolve(io.cwd, file)) &&
    (origin.line ?? origin.unit) === at;
  let found: { pair: FilterPair; verdict: FilterVerdict } | undefined;
  await filterPairFiles(
    files,
    config,
    {
      encoding,
      explain: wanted,
      onVerdict: (origin, pair, verdict) => {
        if (wanted(origin)) found = { pair, verdict };
      },
    },
    io.cwd,
  );
  if (!found) throw new BitextError('USAGE', `no pair at ${file}:${at}`);
  const { pair, verdict } = found;
  const lines = [
    `${describeOrigin(pair.origin)}: ${verdict.kept ? 'kept' : `rejected by ${verdict.rule}: ${verdict.why}`}`,
    `  zh: ${pair.zh}`,
    `  en: ${pair.en}`,
  ];
  for (const rule of RULE_NAMES) {
    const setting = config.rules[rule];
    const outcome = verdict.outcomes?.[rule];
    if (!setting?.enabled) lines.push(`  ${rule.padEnd(15)} off`);
    else if (outcome)
      lines.push(
        `  ${rule.padEnd(15)} ${outcome.pass ? 'pass' : 'FAIL'}  score ${outcome.score}  ${outcome.why}`,
      );
    else if (rule === verdict.rule) lines.push(`  ${rule.padEnd(15)} FAIL  ${verdict.why}`);
    else if (rule === 'duplicate' || rule === 'near-duplicate')
      lines.push(`  ${rule.padEnd(15)} ${verdict.kept ? 'pass' : 'not reached'}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
