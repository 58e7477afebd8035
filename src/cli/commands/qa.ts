import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; registered so the CLI frame is complete.
export function registerQa(program: Command, _io: CliIo): void {
  program
    .command('qa')
    .description('(not built yet)')
    .action(() => {
      throw new Error('bitext qa is not built yet');
    });
}
