import type { OpenStoreOptions, Store } from '../open-store.js';
import { redactLocation, StoreError } from '../store-error.js';

/** PostgreSQL backend: being built (issue 9); until it lands a postgres:// URL is refused clearly. */
export async function openPostgresStore(url: string, _options: OpenStoreOptions = {}): Promise<Store> {
  throw new StoreError(
    'STORE_BAD_LOCATION',
    'the PostgreSQL backend is not in this build',
    redactLocation(url),
  );
}
