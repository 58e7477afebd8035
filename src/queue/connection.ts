import { Redis } from 'ioredis';
import { BitextError } from '../core/errors.js';

// Where the queue lives: a redis:// (or rediss://) URL. A server that cannot be reached is refused
// within REACH_TIMEOUT_MS with one line naming it, before anything is enqueued or waited for.

/** How long the first contact may take: the CLI must answer within 10 s when Redis is down. */
export const REACH_TIMEOUT_MS = 4_000;

/** The URL without its password, for messages. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BitextError('USAGE', `--queue takes a redis://HOST:PORT URL, got "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new BitextError('USAGE', `--queue takes a redis://HOST:PORT URL, got "${displayUrl(url)}"`);
  }
}

/**
 * A Redis connection for BullMQ, after checking the server answers. BullMQ's workers need
 * `maxRetriesPerRequest: null` (a blocking read must wait, not fail); once reached, a lost server is
 * retried with back-off rather than failing the work in progress.
 */
export async function connectRedis(url: string): Promise<Redis> {
  checkUrl(url);
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REACH_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: Error | undefined;
  probe.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await withTimeout(
      probe.connect().then(() => probe.ping()),
      REACH_TIMEOUT_MS,
    );
  } catch (error) {
    throw new BitextError(
      'QUEUE_UNREACHABLE',
      `cannot reach Redis at ${displayUrl(url)}: ${describeReachError(lastError ?? (error as Error))}`,
      {},
      { cause: error },
    );
  } finally {
    probe.disconnect();
  }
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  connection.on('error', () => {});
  return connection;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** ioredis says "Connection is closed." after a refusal; its error event has the cause. */
function describeReachError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return 'connection refused (is redis-server running there?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host';
  if (code === 'ETIMEDOUT' || /timed? ?out|no answer/i.test(error.message))
    return `no answer within ${REACH_TIMEOUT_MS / 1000} s`;
  return error.message || 'no answer';
}
