import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; registered so the CLI frame is complete.
export function registerTerms(program: Command, _io: CliIo): void {
  program
    .command('terms')
    .description('(not built yet)')
    .action(() => {
      throw new Error('bitext terms is not built yet');
    });
}
