import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BitextError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { DB_OPTION_HELP, storeLocation } from '../store-option.js';

/** Where tokens and alignments under review live when --state is not given. */
export const DEFAULT_STATE_DIR = 'bitext-serve';
export const STATE_OPTION_HELP = `where the server keeps its tokens (hashed) and the alignments under review (default: $BITEXT_STATE, else ./${DEFAULT_STATE_DIR})`;

export function stateDir(io: CliIo, state: string | undefined): string {
  return resolve(io.cwd, state ?? io.env['BITEXT_STATE'] ?? DEFAULT_STATE_DIR);
}

const EXAMPLES = `
Examples:
  $ bitext serve                                  http://127.0.0.1:8787/?token=… (open it once; it sets a session cookie)
  $ BITEXT_TOKEN=secret bitext serve --port 9000  the admin token from the environment, not printed
  $ bitext serve --db postgres://bitext@db.example/tm --host 0.0.0.0   a team server on the team TM

The API is described at /openapi.json. Tokens for other people: bitext token create --role editor.`;

/** `bitext serve`: the HTTP API and the review UI, until SIGINT or SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the HTTP API and the review UI in the browser (bound to 127.0.0.1 by default)')
    .option('--db <location>', DB_OPTION_HELP)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: a free one)', '8787')
    .option('--state <dir>', STATE_OPTION_HELP)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { db?: string; host: string; port: string; state?: string }) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port) || port > 65_535)
        throw new BitextError('USAGE', `--port expects a number from 0 to 65535, got "${flags.port}"`);
      // Loaded here: the server's modules (hono, the worker pool) are no cost to the other commands.
      const { startServer } = await import('../../server/listen.js');
      const server = await startServer({
        db: storeLocation(io, flags.db),
        host: flags.host,
        port,
        stateDir: stateDir(io, flags.state),
        adminToken: io.env['BITEXT_TOKEN'],
        cwd: io.cwd,
      });
      io.stderr.write(`bitext serve: listening on ${server.url} (Ctrl-C stops it)\n`);
      io.stdout.write(`${server.link}\n`);
      // Runs until the process is stopped (bin/bitext.js exits 130 or 143 on SIGINT and SIGTERM).
      await new Promise<never>(() => {});
    });
}
