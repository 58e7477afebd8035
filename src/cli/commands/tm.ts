import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; registered so the CLI frame is complete.
export function registerTm(program: Command, _io: CliIo): void {
  program
    .command('tm')
    .description('(not built yet)')
    .action(() => {
      throw new Error('bitext tm is not built yet');
    });
}
