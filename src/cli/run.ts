import { Command, CommanderError } from 'commander';
import { isBitextError } from '../core/errors.js';
import { isStoreError } from '../store/store-error.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';

/** Exit codes: 0 success, 1 bad input or usage (every StoreError but STORE_INTERNAL), 2 internal error. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_INTERNAL = 2;

type Register = (program: Command, io: CliIo) => void;

/**
 * Each command's module, loaded only when that command runs: loading them all (and with them
 * ioredis, bullmq, pg, hono, the aligner's lexicons…) cost about 1 s of CPU before `--version`
 * printed. In the order `--help` lists them.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  align: async () => (await import('./commands/align.js')).registerAlign,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  tm: async () => (await import('./commands/tm.js')).registerTm,
  terms: async () => (await import('./commands/terms.js')).registerTerms,
  qa: async () => (await import('./commands/qa.js')).registerQa,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  token: async () => (await import('./commands/token.js')).registerToken,
  batch: async () => (await import('./commands/batch.js')).registerBatch,
  filter: async () => (await import('./commands/filter.js')).registerFilter,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
};

/** The commands' names; scripts/bundle-cli.ts bundles each one's code for bin/bitext.js. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/**
 * The program with every command, or with only `commandName`'s when it names one (what
 * `run` builds for `bitext align …`: the other commands' modules are never loaded), or with none
 * for `--version`. Help, `bitext help …` and an unknown command get them all.
 */
export async function buildProgram(io: CliIo, commandName?: string): Promise<Command> {
  const program = new Command('bitext')
    .description(
      'Chinese–English bilingual documents into aligned sentence pairs, translation memory, termbase and QA.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const loaders =
    commandName === '-V' || commandName === '--version'
      ? []
      : commandName !== undefined && Object.hasOwn(COMMANDS, commandName)
        ? [COMMANDS[commandName]!]
        : Object.values(COMMANDS);
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, io);
  // Subcommands inherit the output settings and exit override.
  for (const command of program.commands) inheritSettings(command, program);
  return program;
}

function inheritSettings(command: Command, parent: Command): void {
  command.exitOverride().configureOutput(parent.configureOutput());
  for (const sub of command.commands) inheritSettings(sub, command);
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code; never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const program = await buildProgram(io, argv[0]);
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      ) {
        return EXIT_OK;
      }
      // commander has already printed its one-line message.
      return EXIT_USAGE;
    }
    if (isStoreError(error) && error.code === 'STORE_INTERNAL') {
      // A store fault that is not the user's (disk full, I/O error, a server bug): exit 2, as any
      // internal error, but with the store named.
      io.stderr.write(`bitext: internal error: ${error.describe()}\n`);
      if (io.env['BITEXT_DEBUG'] && error.cause instanceof Error && error.cause.stack)
        io.stderr.write(`${error.cause.stack}\n`);
      return EXIT_INTERNAL;
    }
    if (isBitextError(error)) {
      io.stderr.write(`bitext: ${error.describe()}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`bitext: internal error: ${message}\n`);
    if (io.env['BITEXT_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}
