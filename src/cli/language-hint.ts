import { BitextError } from '../core/errors.js';

const LANGUAGE_CODES = new Set(['TMX_LANGUAGES', 'XLIFF_LANGUAGES', 'TBX_LANGUAGES']);

/**
 * A file of other languages (`tm import`, `terms import`): the one line also says how to import it
 * anyway. The readers know no CLI options, so the hint is added here.
 */
export function withLanguageHint(error: unknown): unknown {
  if (!(error instanceof BitextError) || !LANGUAGE_CODES.has(error.code)) return error;
  return new BitextError(
    error.code,
    `${error.message} (--zh-lang and --en-lang say which tags to read)`,
    error.location,
  );
}
