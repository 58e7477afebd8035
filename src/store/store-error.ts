import { BitextError } from '../core/errors.js';

/**
 * The fixed set of ways a store can fail, whatever the backend. The CLI maps each to an exit code
 * (STORE_INTERNAL is 2, the rest 1) and the server to an HTTP status (storeErrorStatus); both branch on
 * the code, never on a driver's message. The driver's error stays attached as `cause`.
 */
export const STORE_ERROR_CODES = {
  /** A read was asked of a store that does not exist (reading never creates one). */
  STORE_NOT_FOUND: 404,
  /** The file or database exists but holds something else than a bitext store. */
  STORE_NOT_BITEXT: 422,
  /** The file is damaged (SQLite "malformed", "not a database"). */
  STORE_CORRUPT: 422,
  /** The store's schema is newer than this bitext. */
  STORE_TOO_NEW: 422,
  /** The store's schema is older and a read-only open cannot upgrade it. */
  STORE_TOO_OLD: 409,
  /** A write was asked of a store opened read-only, or of a file the user may not write. */
  STORE_READ_ONLY: 403,
  /** Another writer held the store past the wait (SQLite busy, PostgreSQL lock timeout). */
  STORE_BUSY: 503,
  /** The server cannot be reached or refused the login. */
  STORE_UNREACHABLE: 503,
  /** The location is not a path, `sqlite:` or `postgres://` URL. */
  STORE_BAD_LOCATION: 400,
  /** Anything else a driver threw: a fault of bitext or of the server, not of the user. */
  STORE_INTERNAL: 500,
} as const;

export type StoreErrorCode = keyof typeof STORE_ERROR_CODES;

export class StoreError extends BitextError {
  constructor(
    override readonly code: StoreErrorCode,
    message: string,
    store: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, { file: store }, options);
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/** The HTTP status a store error answers with. */
export function storeErrorStatus(code: StoreErrorCode): number {
  return STORE_ERROR_CODES[code];
}

/** `postgres://user:secret@host/db` without the password, for messages. */
export function redactLocation(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
