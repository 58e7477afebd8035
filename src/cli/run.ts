import { Command, CommanderError } from 'commander';
import { isBitextError } from '../core/errors.js';
import { isStoreError } from '../store/store-error.js';
import { VERSION } from '../version.js';
import { registerAlign } from './commands/align.js';
import { registerBatch } from './commands/batch.js';
import { registerEval } from './commands/eval.js';
import { registerFilter } from './commands/filter.js';
import { registerQa } from './commands/qa.js';
import { registerServe } from './commands/serve.js';
import { registerTerms } from './commands/terms.js';
import { registerTm } from './commands/tm.js';
import { registerToken } from './commands/token.js';
import { registerWorker } from './commands/worker.js';
import type { CliIo } from './io.js';

/** Exit codes: 0 success, 1 bad input or usage (every StoreError but STORE_INTERNAL), 2 internal error. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_INTERNAL = 2;

export function buildProgram(io: CliIo): Command {
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
  registerAlign(program, io);
  registerEval(program, io);
  registerTm(program, io);
  registerTerms(program, io);
  registerQa(program, io);
  registerServe(program, io);
  registerToken(program, io);
  registerBatch(program, io);
  registerFilter(program, io);
  registerWorker(program, io);
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
  const program = buildProgram(io);
  try {
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
