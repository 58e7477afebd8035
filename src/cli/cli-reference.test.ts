import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/helpers.js';
import { allCommands, cliReference } from './cli-reference.js';
import { memoryIo } from './io.js';
import { ENVIRONMENT, EXIT_CODES } from './options.js';
import { buildProgram } from './run.js';

const DOC = join(REPO_ROOT, 'docs/cli.md');

const program = await buildProgram(memoryIo().io);

describe('docs/cli.md', () => {
  const generated = cliReference(program);
  if (process.env['BITEXT_UPDATE_DOCS']) writeFileSync(DOC, generated);

  // Checked rather than compared whole, so that rewording a flag's help does not fail every test run
  // until someone regenerates it; a command or flag missing from the page does.
  it('lists every command, flag, exit code and environment variable (BITEXT_UPDATE_DOCS=1 rewrites it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const { name, command } of allCommands(program)) {
      expect(doc).toContain(`### \`bitext ${name}`);
      for (const option of command.options) expect(doc).toContain(`\`${option.flags}\``);
    }
    for (const { code } of EXIT_CODES) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    for (const { name } of ENVIRONMENT) expect(doc).toContain(`\`${name}\``);
  });
});
