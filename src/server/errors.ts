import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isBitextError } from '../core/errors.js';
import { isStoreError, storeErrorStatus } from '../store/store-error.js';

// Errors answer as JSON `{ "error": { code, message, location? } }`, with the codes the CLI prints
// (BitextError and StoreError codes) and the status each means. Branch on the code, never the message.

/** Codes the server itself raises, besides those of the readers, the aligner and the store. */
const STATUS_OF_CODE: Record<string, ContentfulStatusCode> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ALIGNMENT_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  DOCUMENT_AMBIGUOUS: 409,
  VERSION_CONFLICT: 409,
  UPLOAD_TOO_LARGE: 413,
  INPUT_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UI_NOT_BUILT: 503,
};

/** The HTTP status of an error: 400 for any other user error (bad input), 500 for a fault of ours. */
export function statusOf(error: unknown): ContentfulStatusCode {
  if (isStoreError(error)) return storeErrorStatus(error.code) as ContentfulStatusCode;
  if (isBitextError(error)) return STATUS_OF_CODE[error.code] ?? 400;
  return 500;
}

export function errorBody(error: unknown) {
  if (isBitextError(error)) {
    const location = Object.keys(error.location).length ? { location: error.location } : {};
    return { error: { code: error.code, message: error.describe(), ...location } };
  }
  // An internal fault: its message may hold paths or driver details, so the client gets a code only.
  return { error: { code: 'INTERNAL', message: 'internal error (see the server log)' } };
}

export function errorResponse(c: Context, error: unknown): Response {
  const status = statusOf(error);
  if (status >= 500) console.error(error);
  return c.json(errorBody(error), status);
}
