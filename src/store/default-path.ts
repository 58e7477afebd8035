/**
 * Where the TM lives unless told otherwise: `--db`, then `BITEXT_DB`, then this (relative to the cwd).
 * Its own module, so the commands that only name it in their help do not load SQLite.
 */
export const DEFAULT_DB_PATH = 'bitext-tm.db';
