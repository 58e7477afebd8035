import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, EXAMPLE_PATH as EXAMPLE, tempDirsPerTest } from '../../../test/helpers.js';

const temp = tempDirsPerTest('bitext-qa-');

/** The example with one English paragraph changed. */
function alteredExample(change: (english: string) => string, paragraph: number): string {
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const english = lines.filter((l) => l.trim()).slice(5);
  const target = english[paragraph]!;
  return readFileSync(EXAMPLE, 'utf8').replace(target, change(target));
}

describe('bitext qa', () => {
  it('reports no number or date finding on the founding sample, and the Secretary General slip', async () => {
    const { code, stdout } = await cli(['qa', 'examples/press-release.txt', '--format', 'json']);
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as { check: string; pair: number; file: string; message: string }[];
    expect(findings.filter((f) => f.check === 'number' || f.check === 'date')).toEqual([]);
    const names = findings.filter((f) => f.check === 'name');
    expect(names).toHaveLength(1);
    expect(names[0]!.message).toContain('秘书长');
    expect(names[0]!.file).toBe('examples/press-release.txt');
  });

  it.each([
    ['a changed date', (en: string) => en.replace('On April 14', 'On April 16'), 0, 'date'],
    ['a changed year', (en: string) => en.replace('in 2020', 'in 2022'), 1, 'date'],
    [
      'a changed name spelling',
      (en: string) => en.replace('Vice president Jiang Jiang', 'Vice president Jiang Qiang'),
      2,
      'name',
    ],
    ['a dropped clause', (en: string) => en.replace(/, asked for continuous care.*$/, '.'), 1, 'omission'],
    ['an added number', (en: string) => en.replace('led a team', 'led a team of 12'), 0, 'number'],
  ])('reports %s', async (_what, change, paragraph, check) => {
    const folder = temp();
    writeFileSync(join(folder, 'altered.txt'), alteredExample(change, paragraph));
    const { stdout } = await cli(['qa', 'altered.txt', '--format', 'json'], { cwd: folder });
    const findings = JSON.parse(stdout) as { check: string; pair: number }[];
    expect(findings.filter((f) => f.check === check).map((f) => f.pair)).toContain(paragraph);
  });

  it('writes readable text with marked spans and a summary, colour only on a terminal', async () => {
    const plain = await cli(['qa', 'examples/press-release.txt']);
    expect(plain.stdout).toContain('examples/press-release.txt: pair 4: error [name]');
    expect(plain.stdout).toContain('»袁智兵«');
    expect(plain.stdout).toMatch(/1 finding \(1 errors, 0 warnings, 0 info\) in 5 pairs\n$/);
    expect(plain.stdout).not.toContain('\x1b[');
    const tty = await cli(['qa', 'examples/press-release.txt'], { isTTY: true });
    expect(tty.stdout).toContain('\x1b[31merror\x1b[0m');
  });

  it('writes a self-contained HTML report to a file', async () => {
    const folder = temp();
    const { code } = await cli(['qa', EXAMPLE, '--format', 'html', '--out', 'report.html'], { cwd: folder });
    expect(code).toBe(0);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).toContain('<mark>袁智兵</mark>');
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('enforces a termbase and reads aligned pairs from TSV', async () => {
    const folder = temp();
    writeFileSync(
      join(folder, 'pairs.tsv'),
      '歡迎用好重慶史迪威博物館\tWelcome to the Stilwell Memorial Hall\n',
    );
    writeFileSync(
      join(folder, 'terms.csv'),
      'zh,en,status\n史迪威博物馆,Stilwell Museum,preferred\n史迪威博物馆,Stilwell Memorial Hall,forbidden\n',
    );
    const { stdout } = await cli(
      ['qa', 'pairs.tsv', '--termbase', 'terms.csv', '--checks', 'term', '--format', 'json'],
      {
        cwd: folder,
      },
    );
    expect((JSON.parse(stdout) as { severity: string }[]).map((f) => f.severity)).toEqual([
      'error',
      'warning',
    ]);
  });

  it('exits 1 with --fail-on when findings are that severe, and refuses unknown checks', async () => {
    const failed = await cli(['qa', 'examples/press-release.txt', '--fail-on', 'error']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('1 finding at error level or worse');
    const passed = await cli([
      'qa',
      'examples/press-release.txt',
      '--checks',
      'number,date',
      '--fail-on',
      'warning',
    ]);
    expect(passed.code).toBe(0);
    const unknown = await cli(['qa', 'examples/press-release.txt', '--checks', 'numbers']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown check "numbers"');
  });

  it('names the line of a malformed pair file', async () => {
    const folder = temp();
    writeFileSync(join(folder, 'bad.jsonl'), '{"zh":"一","en":"one"}\n{"zh":1}\n');
    const { code, stderr } = await cli(['qa', 'bad.jsonl'], { cwd: folder });
    expect(code).toBe(1);
    expect(stderr).toContain('bad.jsonl:2');
  });
});
