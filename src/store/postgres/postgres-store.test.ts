import { inject } from 'vitest';
import { createTestDatabase } from '../../../test/support/postgres-server.js';
import { openStore } from '../open-store.js';
import { runTermbaseContract } from '../termbase.contract.js';
import { runTmStoreContract } from '../tm-store.contract.js';

// The same contract suites as SQLite's, against the test run's real PostgreSQL server (started by
// test/support/global-setup.ts), each store in a database of its own.
const freshStore = async () => openStore(await createTestDatabase(inject('postgresUrl')));

runTmStoreContract('PostgreSQL', async () => (await freshStore()).tm);
runTermbaseContract('PostgreSQL', async () => (await freshStore()).termbase);
