import { existsSync } from 'node:fs';
import type { DocumentInput, Progress } from '../app/use-case.js';
import type { EncodingName } from '../io/decode.js';
import { readInputBytes } from '../io/read-text.js';
import { DEFAULT_DB_PATH } from '../store/default-path.js';
import { openStore, parseStoreLocation, type Store } from '../store/open-store.js';
import { buildNewDatabase } from '../store/sqlite/new-database-file.js';
import { StoreError } from '../store/store-error.js';
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
 * write it: a missing TM is an error naming its path. A `write` command that creates a SQLite TM
 * builds it beside its path and puts it there only if the command succeeds (buildNewDatabase), and
 * does its work again on the TM another process created meanwhile; `newStore: 'in-place'` (a batch,
 * whose TM keeps what it added before a failure, for the resumed run) creates it where it goes.
 */
export async function withStore<T>(
  io: CliIo,
  db: string | undefined,
  mode: 'read' | 'write',
  work: (store: Store) => Promise<T>,
  onProgress?: (progress: Progress) => void,
  newStore: 'on-success' | 'in-place' = 'on-success',
): Promise<T> {
  const use = async (location: string): Promise<T> => {
    const store = await openStore(location, {
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
  };
  const location = storeLocation(io, db);
  const parsed = parseStoreLocation(location, io.cwd);
  if (
    mode === 'write' &&
    newStore === 'on-success' &&
    parsed.backend === 'sqlite' &&
    parsed.path !== ':memory:' &&
    !existsSync(parsed.path)
  ) {
    const { path } = parsed;
    const built = await buildNewDatabase(path, (temporary) =>
      use(temporary).catch((error: unknown) => Promise.reject(namingStore(error, temporary, path))),
    );
    if (built.placed) return built.value;
  }
  return use(location);
}

/** A store error about the temporary file a new TM is built in, told of the TM's own path. */
function namingStore(error: unknown, temporary: string, path: string): unknown {
  if (!(error instanceof StoreError) || error.location.file !== temporary) return error;
  return new StoreError(error.code, error.message.replaceAll(temporary, path), path, { cause: error.cause });
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
