/**
 * A real, throwaway Redis server for the queue tests (BullMQ), as postgres-server.ts is for PostgreSQL.
 *
 * `startRedis()` finds `redis-server` (PATH, then /usr/bin and /usr/sbin), installs Debian's `redis-server`
 * package when it is missing and we are root (CI on a fresh machine), starts it on a free port on 127.0.0.1
 * only, with no persistence and its files in a temporary directory, and returns its URL. `stop()` kills it
 * and removes the directory. The server also stops if this process exits or is interrupted, and a small
 * detached watchdog kills it if this process dies without running any handler (SIGKILL, crash).
 *
 * Set BITEXT_TEST_REDIS_URL to use an existing server instead; then nothing is started or installed.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './postgres-server.js';

export const REDIS_URL_ENV = 'BITEXT_TEST_REDIS_URL';

export interface RedisServer {
  /** e.g. redis://127.0.0.1:63791 */
  url: string;
  /** Kills the server and removes its directory; idempotent. No-op for an external server. */
  stop: () => Promise<void>;
  /** The server process (undefined for an external server): tests may kill it to see an outage. */
  process?: ChildProcess;
}

function findRedisServer(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of [...path.split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin']) {
    if (!dir) continue;
    const file = join(dir, 'redis-server');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

function installWithApt(log: (line: string) => void): void {
  log('bitext tests: redis-server not found; installing Debian package "redis-server" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
    const result = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (result.error || result.status !== 0) {
      throw new Error(
        `apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${(result.stderr ?? '').slice(-2000)}\n` +
          `Install redis-server, or set ${REDIS_URL_ENV} to a server the tests may use.`,
      );
    }
  }
  // The package starts a system server on 6379; the tests do not use it.
  spawnSync('service', ['redis-server', 'stop'], { stdio: 'ignore' });
}

/** Resolves once a TCP PING gets PONG, or rejects after `timeoutMs`. */
async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

const WATCHDOG_SCRIPT = `
const [parent, pid, dir] = JSON.parse(process.argv[1]);
process.on('SIGTERM', () => process.exit(0));
const timer = setInterval(() => {
  try { process.kill(parent, 0); return; } catch (e) { if (e.code !== 'ESRCH') return; }
  clearInterval(timer);
  try { process.kill(pid, 'SIGKILL'); } catch {}
  try { require('node:fs').rmSync(dir, { recursive: true, force: true }); } catch {}
  process.exit(0);
}, 500);
`;

export async function startRedis(
  options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {},
): Promise<RedisServer> {
  const env = options.env ?? process.env;
  const external = env[REDIS_URL_ENV];
  if (external) return { url: external, stop: async () => {} };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let binary = findRedisServer();
  if (!binary) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        `The queue tests need redis-server, which was not found. Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), or set ${REDIS_URL_ENV}=redis://host:port.`,
      );
    }
    installWithApt(log);
    binary = findRedisServer();
    if (!binary) throw new Error('apt-get installed "redis-server" but no redis-server program appeared');
  }
  const dir = mkdtempSync(join(tmpdir(), 'bitext-redis-'));
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--protected-mode',
        'yes',
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} (port ${port})`))),
    );
    exited.catch(() => {});
    try {
      await Promise.race([waitForPong(port, 15_000), exited]);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      continue;
    }
    const watchdog = spawn(
      process.execPath,
      ['-e', WATCHDOG_SCRIPT, JSON.stringify([process.pid, child.pid, dir])],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    watchdog.unref();
    let stopped = false;
    const stopSync = () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopSync);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      watchdog.kill('SIGTERM');
    };
    process.on('exit', stopSync);
    return { url: `redis://127.0.0.1:${port}`, process: child, stop: async () => stopSync() };
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
