import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; registered so the CLI frame is complete.
export function registerEval(program: Command, _io: CliIo): void {
  program
    .command('eval')
    .description('(not built yet)')
    .action(() => {
      throw new Error('bitext eval is not built yet');
    });
}
