import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, tempDirsPerTest } from '../../../test/helpers.js';

const temp = tempDirsPerTest('bitext-qa-severity-');

/** Two pairs: a changed number (an error) and a small number in characters not rendered (info). */
function pairsFile(dir: string): string {
  const file = join(dir, 'pairs.tsv');
  writeFileSync(file, '共有3.5万人参加\t3,600 people took part\n有二十人等着\tMany people were waiting\n');
  return file;
}

describe('bitext qa severities and suppression (issue 13)', () => {
  it('hides info findings unless --all, and says how many it hid', async () => {
    const dir = temp();
    const file = pairsFile(dir);
    const shown = await cli(['qa', file], { cwd: dir });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('3.5万 (35,000) ↔ 3,600: the numbers differ');
    expect(shown.stdout).not.toContain('二十');
    expect(shown.stdout).toMatch(/1 finding \(1 errors, 0 warnings, 0 info\) in 2 pairs; 1 info not shown/);
    const all = await cli(['qa', file, '--all', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(all.stdout) as { severity: string; rule: string }[];
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'number-mismatch'],
      ['info', 'number-missing'],
    ]);
  });

  it('leaves out the rules named in ./.bitext-qa-ignore, or in --ignore-file', async () => {
    const dir = temp();
    const file = pairsFile(dir);
    writeFileSync(join(dir, '.bitext-qa-ignore'), '# a liberty this team takes\nnumber-mismatch\n');
    const json = async (args: string[]) =>
      JSON.parse((await cli(['qa', file, '--all', '--format', 'json', ...args], { cwd: dir })).stdout) as {
        rule: string;
      }[];
    expect((await json([])).map((f) => f.rule)).toEqual(['number-missing']);
    writeFileSync(join(dir, 'other-ignore'), 'number\n');
    expect(await json(['--ignore-file', 'other-ignore'])).toEqual([]);
  });

  it('refuses an unknown rule with the file and line', async () => {
    const dir = temp();
    const file = pairsFile(dir);
    writeFileSync(join(dir, '.bitext-qa-ignore'), 'number-added\nnumber-mismatches\n');
    const { code, stderr } = await cli(['qa', file], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('.bitext-qa-ignore:2: unknown QA rule "number-mismatches"');
  });
});
