import pg from 'pg';
import { redactLocation, StoreError, type StoreErrorCode } from '../store-error.js';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/**
 * Connections per store. A CLI run needs one or two; a server shares one store between requests, and
 * each import holds a connection for its whole transaction, so a few more let lookups go on meanwhile.
 */
const POOL_SIZE = 10;
/** How long to wait for a connection before reporting the server unreachable. */
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * int8 (bigint: ids, counts) as a JavaScript number rather than pg's default string: ids and counts
 * stay far below 2^53. Set per pool, not on pg's global parsers, so that a program embedding bitext
 * keeps its own choice.
 */
const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * A connection pool for a bitext store. `readOnly` sessions refuse every write at the server
 * (default_transaction_read_only), so a reading command cannot change the database even by mistake.
 */
export function openPool(url: string, readOnly: boolean): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'bitext',
    types,
    ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection the server drops (restart, admin kill) is reported here; without a listener
  // the process would die. The next query opens a fresh connection and reports any real outage.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction on a connection of its own: committed if it resolves, else rolled back. */
export async function inTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself failed: it is not given back to the pool.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Connection-level failures of node's sockets and DNS: the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
]);

/**
 * SQLSTATE classes and codes (PostgreSQL manual, appendix A) and the store error each one is; a code
 * is matched first, then its two-character class.
 */
const SQLSTATES: Record<string, [StoreErrorCode, string]> = {
  '28000': ['STORE_UNREACHABLE', 'the server refused the login (user or authentication method)'],
  '28P01': ['STORE_UNREACHABLE', 'the server refused the login (wrong password)'],
  '3D000': ['STORE_NOT_FOUND', 'no such database on the server (create it first: createdb NAME)'],
  '25006': ['STORE_READ_ONLY', 'the connection is read-only'],
  '42501': ['STORE_READ_ONLY', 'the database user may not write here (permission denied)'],
  '55P03': ['STORE_BUSY', 'another session kept a lock too long; try again'],
  '40P01': ['STORE_BUSY', 'two imports waited on each other (deadlock); try again'],
  '40001': ['STORE_BUSY', 'a concurrent change conflicted (serialization failure); try again'],
  '57P01': ['STORE_UNREACHABLE', 'the server is shutting down'],
  '57P03': ['STORE_UNREACHABLE', 'the server is starting up or not accepting connections; try again'],
  '53': ['STORE_INTERNAL', 'the server ran out of resources (disk, memory or connections)'],
  '08': ['STORE_UNREACHABLE', 'the connection to the server failed'],
};

/** A pg or network error as a StoreError naming the store (password hidden), the error as its cause. */
export function postgresStoreError(error: unknown, url: string): Error {
  if (error instanceof StoreError) return error;
  const location = redactLocation(url);
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new StoreError('STORE_UNREACHABLE', `cannot reach the PostgreSQL server (${code})`, location, {
      cause: error,
    });
  }
  if (/timeout expired|Connection terminated/i.test(message) && code === undefined) {
    return new StoreError('STORE_UNREACHABLE', `cannot reach the PostgreSQL server (${message})`, location, {
      cause: error,
    });
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const known = SQLSTATES[code] ?? SQLSTATES[code.slice(0, 2)];
    if (known) return new StoreError(known[0], known[1], location, { cause: error });
    return new StoreError('STORE_INTERNAL', `database error ${code}: ${message}`, location, { cause: error });
  }
  return error instanceof Error ? error : new Error(message);
}
