import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { BitextError } from '../core/errors.js';
import { DEFAULT_DB_PATH } from '../store/default-path.js';
import type { CliIo } from './io.js';
import { DB_OPTION_HELP, ENCODINGS } from './store-option.js';

// The one place the CLI's shared flags, numeric ranges, environment variables, exit codes and
// examples are defined. Every command takes its flags from here, its --help is built from here, and
// docs/cli.md is generated from the same data (cli-reference.ts), so the three cannot drift apart.

/** Environment variables the CLI reads. */
export const ENVIRONMENT: readonly { name: string; meaning: string }[] = [
  {
    name: 'BITEXT_DB',
    meaning: `the TM and termbase when \`--db\` is not given: a SQLite file or a postgres:// URL (else ./${DEFAULT_DB_PATH})`,
  },
  {
    name: 'NO_COLOR',
    meaning: 'any non-empty value: no colour, even on a terminal (https://no-color.org)',
  },
  { name: 'BITEXT_DEBUG', meaning: 'any non-empty value: an internal error (exit 2) also prints its stack' },
  { name: 'BITEXT_TOKEN', meaning: '`serve`: the admin token (else one is generated and printed)' },
  {
    name: 'BITEXT_STATE',
    meaning:
      '`serve`, `token`: where the server keeps its tokens and the alignments under review (`--state`)',
  },
];

/** Exit codes, the same for every command. */
export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: 0, meaning: 'success (a lookup that finds nothing is a success too)' },
  {
    code: 1,
    meaning:
      'bad input or usage: one line on stderr naming the file and, where it applies, line, column or byte offset; also `qa --fail-on` when a finding that severe is found',
  },
  { code: 2, meaning: 'internal error (`BITEXT_DEBUG=1` prints the stack)' },
  {
    code: 130,
    meaning: 'stopped by SIGINT (Ctrl-C); an unfinished `--out` file is removed, the old one kept',
  },
  { code: 143, meaning: 'stopped by SIGTERM; as for SIGINT' },
];

/** An example shown in a command's --help; the examples test runs each on the bundled files. */
export interface Example {
  /** The command line, starting with `bitext`. */
  command: string;
  /** What it shows, in a few words. */
  says: string;
  /** The exit code it ends with, when not 0 (`qa --fail-on error` on the sample's slip). */
  exit?: number;
}

const EXAMPLES = new WeakMap<Command, readonly Example[]>();

/** Adds examples to a command's --help (after its options) and records them for docs and tests. */
export function withExamples(command: Command, examples: readonly Example[], notes = ''): Command {
  EXAMPLES.set(command, examples);
  // Commands up to this wide line up their notes; a wider one has its note on the next line.
  const width = Math.min(60, Math.max(...examples.map((e) => displayWidth(e.command))));
  const lines = examples.map((e) => {
    const room = width - displayWidth(e.command);
    return room < 0 ? `  $ ${e.command}\n      ${e.says}` : `  $ ${e.command}${' '.repeat(room)}   ${e.says}`;
  });
  return command.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n${notes ? `\n${notes}\n` : ''}`);
}

/** Columns a string takes on a terminal: Chinese characters and full-width punctuation take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1;
  return width;
}

/** The examples a command's --help shows. */
export function examplesOf(command: Command): readonly Example[] {
  return EXAMPLES.get(command) ?? [];
}

/** A flag's help with its environment variable, as docs/cli.md lists them. */
export const ENV_OF_OPTION: Readonly<Record<string, string>> = {
  '--db': 'BITEXT_DB',
  '--state': 'BITEXT_STATE',
};

/** Where `serve` keeps tokens and alignments under review when neither --state nor $BITEXT_STATE says. */
export const DEFAULT_STATE_DIR = 'bitext-serve';

/** The `--state` folder of `serve` and `token`: the flag, else $BITEXT_STATE, else ./bitext-serve. */
export function stateDir(io: CliIo, state: string | undefined): string {
  return resolve(io.cwd, state ?? io.env['BITEXT_STATE'] ?? DEFAULT_STATE_DIR);
}

export interface SharedFlags {
  /** Output format choices, the first being the default. */
  format?: readonly string[];
  /** `-o, --out FILE`, with this description when the output is not one pairs file. */
  out?: boolean | string;
  /** `--db`, with this description (default: DB_OPTION_HELP). */
  db?: boolean | string;
  /** `--encoding` for commands that read text. */
  encoding?: boolean;
  /** `--zh-lang`/`--en-lang`: which tags of a TMX, XLIFF or TBX are the two sides (the help's subject). */
  languages?: string;
  /** `-v, --verbose`, on the commands that have more to say: what it reports on stderr. */
  verbose?: string;
  /** `--state DIR` of `serve` and `token` (else $BITEXT_STATE). */
  state?: boolean;
}

/**
 * Adds the shared flags a command takes, always with `--quiet` (and `--verbose` where it says more). The same flag reads
 * the same way on every command: `-f, --format`, `-o, --out FILE` (atomic; `-` is stdout), `--db`
 * (else $BITEXT_DB), `--encoding`.
 */
export function withSharedFlags(command: Command, flags: SharedFlags): Command {
  if (flags.format) {
    command.addOption(
      new Option('-f, --format <format>', 'output format').choices(flags.format).default(flags.format[0]),
    );
  }
  if (flags.out)
    command.option(
      '-o, --out <file>',
      typeof flags.out === 'string' ? flags.out : 'write to FILE (atomically) instead of stdout',
    );
  if (flags.db) command.option('--db <location>', typeof flags.db === 'string' ? flags.db : DB_OPTION_HELP);
  if (flags.encoding) {
    command.addOption(
      new Option('--encoding <name>', 'force the input encoding (default: detected)').choices(ENCODINGS),
    );
  }
  if (flags.languages) {
    command
      .option(
        '--zh-lang <tag>',
        `${flags.languages}: the language tag of the Chinese side, and tags under it (default: any zh-*); e.g. zh-Hant-HK, or yue`,
      )
      .option(
        '--en-lang <tag>',
        `${flags.languages}: the language tag of the English side, and tags under it (default: any en-*)`,
      );
  }
  if (flags.state)
    command.option(
      '--state <dir>',
      `where the server keeps its tokens (hashed) and the alignments under review (default: $BITEXT_STATE, else ./${DEFAULT_STATE_DIR})`,
    );
  command.option('-q, --quiet', 'no progress bar and no notes on stderr (errors are still reported)');
  if (flags.verbose) command.option('-v, --verbose', flags.verbose);
  return command;
}

export interface NumberRange {
  min: number;
  /** Inclusive; none: any larger number. */
  max?: number;
  integer?: boolean;
}

/** How a range reads in help and messages: "0–100", "an integer from 1 up". */
export function describeRange(range: NumberRange): string {
  const kind = range.integer ? 'an integer' : 'a number';
  return range.max === undefined
    ? `${kind} from ${range.min} up`
    : `${kind} from ${range.min} to ${range.max}`;
}

/**
 * Parses a numeric flag's value, refusing anything outside its range with one line that names the
 * flag and the allowed range (exit 1): `--min 200` is an error, not a lookup that finds nothing.
 * A BitextError, not commander's InvalidArgumentError, so the line reads as every other error does.
 */
export function parseInRange(value: string, flag: string, range: NumberRange): number {
  const n = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(n) &&
    n >= range.min &&
    (range.max === undefined || n <= range.max) &&
    (!range.integer || Number.isInteger(n));
  if (!ok) throw new BitextError('USAGE', `${flag} must be ${describeRange(range)}, got "${value}"`);
  return n;
}

/**
 * A numeric option whose value is checked against its range as it is parsed; its help states the
 * range. `defaultDescription` is what help shows for a default computed at run time ("the cores").
 */
export function numberOption(
  flags: string,
  description: string,
  range: NumberRange,
  defaultValue?: number,
  defaultDescription?: string,
): Option {
  const long = /--[\w-]+/.exec(flags)?.[0] ?? flags;
  const option = new Option(flags, `${description} (${describeRange(range)})`).argParser((value) =>
    parseInRange(value, long, range),
  );
  return defaultValue === undefined ? option : option.default(defaultValue, defaultDescription);
}

/** What every command needs to know about where its output goes. */
export interface OutputMode {
  /** Colour and highlighting: stdout is a terminal, NO_COLOR is not set, the output is not a file. */
  colour: boolean;
  /** A progress bar on stderr: stderr is a terminal, no --quiet, and the output is not JSON. */
  progress: boolean;
  quiet: boolean;
  verbose: boolean;
}

export function outputMode(
  io: CliIo,
  flags: { format?: string; out?: string; quiet?: boolean; verbose?: boolean },
): OutputMode {
  const noColor = Boolean(io.env['NO_COLOR']);
  const toTerminal = flags.out === undefined || flags.out === '-';
  return {
    colour: io.isTTY && toTerminal && !noColor,
    progress: Boolean(io.stderrIsTTY) && !flags.quiet && flags.format !== 'json',
    quiet: Boolean(flags.quiet),
    verbose: Boolean(flags.verbose) && !flags.quiet,
  };
}
