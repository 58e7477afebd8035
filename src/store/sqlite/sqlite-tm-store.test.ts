import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTmStoreContract } from '../tm-store.contract.js';
import { openSqliteTmStore } from './sqlite-tm-store.js';

runTmStoreContract('SQLite', () =>
  openSqliteTmStore(join(mkdtempSync(join(tmpdir(), 'bitext-tm-')), 'tm.db')),
);
