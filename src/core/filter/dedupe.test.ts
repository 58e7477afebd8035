import { MemoryFirstCopies } from './dedupe.js';
import { runFirstCopyContract } from './first-copies.contract.js';

runFirstCopyContract('in memory', () => new MemoryFirstCopies());
