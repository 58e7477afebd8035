import { runTermbaseContract } from '../termbase.contract.js';
import { openSqliteTermbase } from './termbase-store.js';

runTermbaseContract('SQLite', () => openSqliteTermbase(':memory:'));
