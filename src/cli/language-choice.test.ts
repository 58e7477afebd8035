import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDirsPerTest } from '../../test/helpers.js';
import { SAMPLE_EN, SAMPLE_ZH } from '../../test/support/sample.js';

// Issue 10: `align` and `qa` read a TMX or XLIFF with --zh-lang/--en-lang as `tm import` does, so a
// file whose Chinese is tagged yue-HK (Cantonese, Hong Kong) can be checked and re-aligned.

const temp = tempDirsPerTest('bitext-lang-choice-');
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function cantoneseTmx(dir: string): string {
  const units = SAMPLE_ZH.map(
    (zh, i) =>
      `<tu><tuv xml:lang="yue-HK"><seg>${xmlText(zh)}</seg></tuv><tuv xml:lang="en-GB"><seg>${xmlText(SAMPLE_EN[i]!)}</seg></tuv></tu>`,
  ).join('\n');
  writeFileSync(
    join(dir, 'hk.tmx'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="paragraph" o-tmf="t" adminlang="en" srclang="yue-HK" datatype="plaintext"/>\n<body>\n${units}\n</body></tmx>\n`,
  );
  return 'hk.tmx';
}

describe('--zh-lang and --en-lang for align and qa', () => {
  it('qa refuses a TMX of other languages naming them and the options; with --zh-lang it checks the units', async () => {
    const dir = temp();
    const file = cantoneseTmx(dir);
    const refused = await runCli(['qa', file], { cwd: dir });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      'bitext: hk.tmx: expected a Chinese (zh) and an English (en) language, found yue-HK, en-GB (--zh-lang and --en-lang say which tags to read)\n',
    );
    const checked = await runCli(['qa', file, '--zh-lang', 'yue', '--format', 'json'], { cwd: dir });
    expect(checked.code).toBe(0);
    const findings = JSON.parse(checked.stdout) as { check: string; message: string }[];
    // The sample's one slip: the English makes Wang Guangcheng the Secretary General.
    expect(findings.some((f) => f.check === 'name' || /Yuan Zhibing|袁智兵/.test(f.message))).toBe(true);
  });

  it('align re-aligns the two sides of a TMX the tags choose', async () => {
    const dir = temp();
    const file = cantoneseTmx(dir);
    expect((await runCli(['align', file], { cwd: dir })).code).toBe(1);
    const aligned = await runCli(['align', file, '--zh-lang', 'yue-HK', '--en-lang', 'en-GB'], { cwd: dir });
    expect(aligned.stderr).toBe('');
    const pairs = aligned.stdout.trimEnd().split('\n');
    expect(pairs).toHaveLength(5);
    expect(pairs[0]).toBe(`${SAMPLE_ZH[0]}\t${SAMPLE_EN[0]}`.replace(/\(xié\)/g, ''));
  });
});
