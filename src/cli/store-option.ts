import type { DocumentInput, Progress } from '../app/use-case.js';
import type { EncodingName } from '../io/decode.js';
import { readInputBytes } from '../io/read-text.js';
import { DEFAULT_DB_PATH } from '../store/default-path.js';
import { openStore, parseStoreLocation, type Store } from '../store/open-store.js';
import type { CliIo } from './io.js';
import { databaseFiles } from './output.js';

/** `--db` for the commands that use a store: a SQLite path or a PostgreSQL URL. */
export const DB_OPTION_HELP = `the TM and termbase: a SQLite file or postgres://user@host/db (default: $BITEXT_DB, else ./${DEFAULT_DB_PATH})`;

/** The encodings `--encoding` accepts, on every command that reads text. */
export const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

/** Where the store is: `--db`, else `$BITEXT_DB`, else ./bitext-tm.db. */
export function storeLocation(io: CliIo, db: string | undefined): string {
  return db ?? io.env['BITEXT_DB'] ?? DEFAULT_DB_PATH;
}

/**
 * Opens the store for one command and closes it after. `read` commands never create, migrate or
 * write it: a missing TM is an error naming its path.
 */
export async function withStore<T>(
  io: CliIo,
  db: string | undefined,
  mode: 'read' | 'write',
  work: (store: Store) => Promise<T>,
  onProgress?: (progress: Progress) => void,
): Promise<T> {
  const store = await openStore(storeLocation(io, db), {
    mode,
    cwd: io.cwd,
    // A migration that rewrites every unit (re-indexing a TM) takes a minute per million units.
    onMigrationProgress:
      onProgress && ((done, total) => onProgress({ phase: 'migrate', done, total, unit: 'units' })),
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Reads a command's input file (or stdin for `-`) as bytes with its name. */
export async function readInput(io: CliIo, file: string): Promise<DocumentInput> {
  const input = await readInputBytes(file, { cwd: io.cwd, readStdin: io.readStdin });
  io.inputRead?.(input.bytes.length);
  return input;
}

/** The files of the store a command uses (none for PostgreSQL): what `-o` must never overwrite. */
export function storeFiles(io: CliIo, db: string | undefined): string[] {
  const location = parseStoreLocation(storeLocation(io, db), io.cwd);
  return location.backend === 'sqlite' ? databaseFiles(location.path) : [];
}
