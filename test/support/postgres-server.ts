/**
 * A real, throwaway PostgreSQL server for the test suite.
 *
 * `startPostgres()` finds the server binaries (PATH, then /usr/lib/postgresql/<newest>/bin), installs
 * Debian's `postgresql` package when they are missing and we are root (CI on a fresh machine), creates a
 * cluster in a temporary directory, starts it on a free port on 127.0.0.1 only, and returns its URL.
 * `stop()` shuts it down immediately and removes the directory. The server is also stopped if this process
 * exits or is interrupted (SIGINT/SIGTERM/SIGHUP), and a small detached watchdog stops it if this process
 * dies without running any handler (SIGKILL, crash), so no stray postgres outlives the run.
 *
 * Set BITEXT_TEST_POSTGRES_URL to use an existing server instead; then nothing is started or installed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export const POSTGRES_URL_ENV = 'BITEXT_TEST_POSTGRES_URL';

/** Where Debian's packages put each major version's server binaries. */
const DEBIAN_ROOT = '/usr/lib/postgresql';
/** Searched, in order, after PATH: Debian/Ubuntu's per-version directories, then a source build's default. */
const DEFAULT_SEARCH_ROOTS = [DEBIAN_ROOT, '/usr/local/pgsql'];

export interface PostgresBinaries {
  /** The directory holding both programs. */
  dir: string;
  initdb: string;
  pgCtl: string;
}

export interface FindOptions {
  /** PATH to search first; defaults to process.env.PATH. */
  path?: string;
  /**
   * Directories searched after PATH: a root holding `<version>/bin` directories (newest version wins)
   * or a `bin` directory itself. Defaults to /usr/lib/postgresql and /usr/local/pgsql.
   */
  searchRoots?: string[];
}

export interface StartOptions extends FindOptions {
  /** Environment to read BITEXT_TEST_POSTGRES_URL from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Whether we may install packages and must drop privileges; defaults to "running as uid 0". */
  isRoot?: boolean;
  /** Where the one-line install notice goes; defaults to stderr. */
  log?: (line: string) => void;
  /**
   * Server settings over the test defaults (fsync, synchronous_commit and full_page_writes off: a
   * throwaway cluster need not survive a crash). The TM benchmark turns them back on.
   */
  settings?: Record<string, string>;
}

const TEST_SETTINGS: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
};

export interface PostgresServer {
  /** e.g. postgres://postgres@127.0.0.1:54321/postgres */
  url: string;
  /** Stops the server (immediate shutdown) and removes its directory; idempotent. No-op for an external server. */
  stop: () => Promise<void>;
  /** The temporary directory holding the cluster; undefined for an external server. */
  dir?: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function binariesIn(dir: string): PostgresBinaries | undefined {
  const initdb = join(dir, 'initdb');
  const pgCtl = join(dir, 'pg_ctl');
  return isExecutable(initdb) && isExecutable(pgCtl) ? { dir, initdb, pgCtl } : undefined;
}

function compareVersionsDescending(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** initdb and pg_ctl from one directory: the first PATH entry holding both, else the newest versioned install. */
export function findPostgresBinaries(options: FindOptions = {}): PostgresBinaries | undefined {
  const path = options.path ?? process.env.PATH ?? '';
  for (const dir of path.split(delimiter)) {
    const found = dir ? binariesIn(dir) : undefined;
    if (found) return found;
  }
  for (const root of options.searchRoots ?? DEFAULT_SEARCH_ROOTS) {
    const direct = binariesIn(join(root, 'bin'));
    if (direct) return direct;
    let versions: string[];
    try {
      versions = readdirSync(root).filter((name) => /^\d+(\.\d+)*$/.test(name));
    } catch {
      continue;
    }
    for (const version of versions.sort(compareVersionsDescending)) {
      const found = binariesIn(join(root, version, 'bin'));
      if (found) return found;
    }
  }
  return undefined;
}

/** A port that was free a moment ago on 127.0.0.1 (bind port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a program to completion, capturing stdout+stderr together (kept to the last 64 KiB). */
function run(
  file: string,
  args: string[],
  options: { uid?: number; gid?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
  running?: Set<ChildProcess>,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    running?.add(child);
    child.once('exit', () => running?.delete(child));
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 65536) output = output.slice(-65536);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, output }));
  });
}

function describeFailure(what: string, result: RunResult): string {
  const status = result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`;
  const tail = result.output.trim().split('\n').slice(-30).join('\n');
  return `${what} failed (${status})${tail ? `:\n${tail}` : ''}`;
}

/**
 * Installs Debian's `postgresql` with apt-get (root only). The drop-in stops the package from creating and
 * starting its own "main" cluster on port 5432, which the tests do not use and which would outlive them.
 */
async function installWithApt(log: (line: string) => void): Promise<void> {
  log(
    'bitext tests: PostgreSQL server binaries not found; installing Debian package "postgresql" with apt-get (may take a minute)…',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const dropIn = '/etc/postgresql-common/createcluster.d';
  if (!existsSync('/etc/postgresql')) {
    mkdirSync(dropIn, { recursive: true });
    writeFileSync(
      join(dropIn, 'bitext-tests-no-main-cluster.conf'),
      '# Written by the bitext test suite: the tests start their own throwaway clusters.\ncreate_main_cluster = false\n',
    );
  }
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    let result: RunResult;
    try {
      result = await run('apt-get', args, { env });
    } catch (error) {
      throw new Error(
        `PostgreSQL server binaries (initdb, pg_ctl) were not found and apt-get could not be run (${(error as Error).message}). ` +
          `Install a PostgreSQL server, or set ${POSTGRES_URL_ENV} to a server the tests may create databases on.`,
      );
    }
    if (result.code !== 0) throw new Error(describeFailure(`apt-get ${args.join(' ')}`, result));
  }
}

function lookUpPostgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
  } catch {
    // fall through
  }
  throw new Error(
    `PostgreSQL refuses to run as root and there is no "postgres" user to run it as. ` +
      `Create one (Debian's postgresql package does), run the tests as an ordinary user, or set ${POSTGRES_URL_ENV}.`,
  );
}

/**
 * The watchdog: a detached process that polls for the process that started the server and, once it is gone
 * (SIGKILL, crash: nothing of ours ran), stops the server and removes its directory. Removal is repeated
 * 1 s and 3 s later in case an initdb interrupted mid-way was still writing or removing files.
 */
const WATCHDOG_SCRIPT = `
const { execFileSync } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const [parent, pgCtl, dataDir, dir, uid, gid] = JSON.parse(process.argv[1]);
process.on('SIGTERM', () => process.exit(0));
const cleanup = () => {
  if (existsSync(dataDir + '/postmaster.pid')) {
    try {
      execFileSync(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'],
        { stdio: 'ignore', cwd: '/', ...(uid === null ? {} : { uid, gid }) });
    } catch {}
  }
  try { rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch {}
};
const timer = setInterval(() => {
  try { process.kill(parent, 0); return; } catch (e) { if (e.code !== 'ESRCH') return; }
  clearInterval(timer);
  cleanup();
  setTimeout(cleanup, 1000);
  setTimeout(() => { cleanup(); process.exit(0); }, 3000);
}, 500);
`;

/** Starts a throwaway server (or returns BITEXT_TEST_POSTGRES_URL's). See the module comment. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const env = options.env ?? process.env;
  const external = env[POSTGRES_URL_ENV];
  if (external) return { url: external, stop: async () => {} };

  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let bins = findPostgresBinaries(options);
  if (!bins) {
    if (!isRoot) {
      throw new Error(
        'The tests need a PostgreSQL server, but its programs (initdb, pg_ctl) were not found in PATH or ' +
          `${DEBIAN_ROOT}/<version>/bin. Install one (Debian/Ubuntu: sudo apt-get install postgresql; ` +
          `macOS: brew install postgresql), or set ${POSTGRES_URL_ENV}=postgres://user@host:port/db ` +
          'to a server where the tests may create databases.',
      );
    }
    await installWithApt(log);
    // The package always lands in /usr/lib/postgresql/<version>/bin, whatever the search overrides say.
    bins = findPostgresBinaries({ path: '', searchRoots: [DEBIAN_ROOT] });
    if (!bins)
      throw new Error(`apt-get installed "postgresql" but no initdb/pg_ctl appeared under ${DEBIAN_ROOT}`);
  }

  const owner = isRoot ? lookUpPostgresUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bitext-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8' };
  for (const name of Object.keys(childEnv)) if (name.startsWith('PG')) delete childEnv[name];
  const spawnOptions = { cwd: dir, env: childEnv, ...owner };
  const { pgCtl } = bins;

  let stopped = false;
  const running = new Set<ChildProcess>();
  const watchdog = spawn(
    process.execPath,
    [
      '-e',
      WATCHDOG_SCRIPT,
      JSON.stringify([process.pid, pgCtl, dataDir, dir, owner?.uid ?? null, owner?.gid ?? null]),
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    removeHandlers();
    // Interrupted while initdb or pg_ctl start was still running.
    for (const child of running) child.kill('SIGKILL');
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      try {
        execFileSync(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], {
          ...spawnOptions,
          stdio: 'ignore',
        });
      } catch {
        // not running after all, or already stopping
      }
    }
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // An interrupted initdb may be removing files at the same time.
    }
    // If something is left, the watchdog removes it once this process is gone.
    if (!existsSync(dir)) watchdog.kill('SIGTERM');
  };
  // Vitest exits on SIGINT/SIGTERM without running globalSetup teardowns, and pg_ctl puts the server in
  // its own session (so Ctrl-C does not reach it): stop it here, synchronously, before anyone exits.
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    // Keep the exit status a signal would have given (vitest does the same), and do exit if nobody else will.
    if (process.exitCode === undefined)
      process.exitCode = 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1);
    setTimeout(() => process.exit(), 1);
  };
  const removeHandlers = () => {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', stopSync);
  };
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', stopSync);

  try {
    const init = await run(
      bins.initdb,
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'],
      spawnOptions,
      running,
    );
    if (stopped) throw new Error('interrupted while creating the PostgreSQL cluster');
    if (init.code !== 0) throw new Error(describeFailure(`initdb (${bins.initdb})`, init));

    let lastFailure = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        `-k '${dir}'`,
        '-c listen_addresses=127.0.0.1',
        ...Object.entries({ ...TEST_SETTINGS, ...options.settings }).map(
          ([name, value]) => `-c ${name}=${value}`,
        ),
      ].join(' ');
      const start = await run(
        pgCtl,
        ['start', '-D', dataDir, '-o', serverOptions, '-l', logFile, '-w', '-t', '60'],
        spawnOptions,
        running,
      );
      if (stopped) throw new Error('interrupted while starting PostgreSQL');
      if (start.code === 0) {
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          dir,
          stop: async () => stopSync(),
        };
      }
      let serverLog = '';
      try {
        serverLog = readFileSync(logFile, 'utf8');
      } catch {
        // no log written
      }
      lastFailure = describeFailure(`pg_ctl start (port ${port})`, {
        ...start,
        output: `${start.output}\n${serverLog}`,
      });
      // Another process took the port between our check and the server's bind: try another one.
      if (!/could not (bind|create listen socket)|address already in use/i.test(serverLog)) break;
    }
    throw new Error(lastFailure);
  } catch (error) {
    stopSync();
    throw error;
  }
}

/** Quotes an SQL identifier. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Creates a fresh, uniquely named database on the server at `baseUrl` and returns its URL
 * (same user, host and port; only the database name differs). One per test or store, so tests don't interfere.
 */
export async function createTestDatabase(baseUrl: string): Promise<string> {
  const name = `bitext_test_${randomBytes(8).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops a database made by createTestDatabase, disconnecting anyone still on it. Optional with the throwaway
 * server (it all goes at the end of the run); worth calling when BITEXT_TEST_POSTGRES_URL is a lasting server.
 */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
