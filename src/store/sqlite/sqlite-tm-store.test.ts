import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTmStoreContract } from '../tm-store.contract.js';
import { openSqliteTmStore } from './sqlite-tm-store.js';

runTmStoreContract('SQLite file (queries on their own connection)', () =>
  openSqliteTmStore(join(mkdtempSync(join(tmpdir(), 'bitext-tm-')), 'tm.db')),
);
runTmStoreContract('SQLite :memory: (queries wait for writes)', () => openSqliteTmStore(':memory:'));
