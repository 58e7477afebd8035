import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { numberOption, stateDir, withExamples, withSharedFlags } from '../options.js';
import { storeLocation } from '../store-option.js';

interface ServeFlags {
  db?: string;
  host: string;
  port: number;
  state?: string;
  quiet?: boolean;
}

/** `bitext serve`: the HTTP API and the review UI, until SIGINT or SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  const command = program
    .command('serve')
    .description('serve the HTTP API and the review UI in the browser (bound to 127.0.0.1 by default)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addOption(
      numberOption(
        '--port <n>',
        'port to listen on (0: a free one)',
        { min: 0, max: 65_535, integer: true },
        8787,
      ),
    );
  withSharedFlags(command, { db: true, state: true });
  withExamples(
    command,
    [
      {
        command: 'bitext serve',
        says: 'http://127.0.0.1:8787/?token=… (open it once; it sets a session cookie)',
      },
      {
        command: 'BITEXT_TOKEN=secret bitext serve --port 9000',
        says: 'the admin token from the environment, not printed',
      },
      {
        command: 'bitext serve --db postgres://bitext@db.example/tm --host 0.0.0.0',
        says: 'a team server on the team TM, reachable from other machines',
      },
    ],
    'The API is described at /openapi.json. Tokens for other people: bitext token create --role editor.',
  ).action(async (flags: ServeFlags) => {
    // Loaded here: the server's modules (hono, the worker pool) are no cost to the other commands.
    const { startServer } = await import('../../server/listen.js');
    const server = await startServer({
      db: storeLocation(io, flags.db),
      host: flags.host,
      port: flags.port,
      stateDir: stateDir(io, flags.state),
      adminToken: io.env['BITEXT_TOKEN'],
      cwd: io.cwd,
    });
    if (!flags.quiet) io.stderr.write(`bitext serve: listening on ${server.url} (Ctrl-C stops it)\n`);
    io.stdout.write(`${server.link}\n`);
    // Runs until the process is stopped (bin/bitext.js exits 130 or 143 on SIGINT and SIGTERM).
    await new Promise<never>(() => {});
  });
}
