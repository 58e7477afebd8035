import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toSimplified } from '../src/core/lexicon/script.js';
import { EXAMPLE_PATH, readExample, runCli, tempDir } from './helpers.js';
import { encodeLegacy } from './legacy-encoding.js';
import { validateTmx } from './tmx-dtd.js';

// The founding sample: 5 Chinese paragraphs then their 5 English translations, one sentence each.
const sample = readExample();
const lines = sample.split('\n').filter((l) => l.trim());
const zhParagraphs = lines.slice(0, 5);
const enParagraphs = lines.slice(5);
const ANY_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const PINYIN_GLOSS = /\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/;

function tsvPairs(stdout: string): Array<[string, string]> {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const fields = line.split('\t');
      expect(fields).toHaveLength(2);
      return [fields[0]!, fields[1]!];
    });
}

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('bitext align on the founding sample', () => {
  let expected: Array<[string, string]>;

  it('prints exactly the 5 sentence pairs as TSV, cleaned of leaked pinyin', async () => {
    const { code, stdout, stderr } = await runCli(['align', EXAMPLE_PATH, '--format', 'tsv']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expected = tsvPairs(stdout);
    expect(expected).toHaveLength(5);
    expect(expected[0]![0].startsWith('4月14日,市政府外辦黨組成員')).toBe(true);
    expect(expected[0]![1].startsWith('On April 14, Wang Guangcheng')).toBe(true);
    for (const [zh] of expected) expect(zh).not.toMatch(PINYIN_GLOSS);
    // each pair is a paragraph (less its glosses) and its translation, in order
    expected.forEach(([zh, en], i) => {
      expect(zh).toBe(zhParagraphs[i]!.replace(ANY_GLOSS, '').trim());
      expect(en).toBe(enParagraphs[i]!.trim());
    });
    // the real parenthesis stays
    expect(expected[4]![0]).toContain('史迪威研究中心(重慶史迪威博物館)');
  });

  it('gives the same pairs from alternating paragraphs, with blank lines between them', async () => {
    const alternating = zhParagraphs.flatMap((zh, i) => [zh, '', enParagraphs[i]!, '']).join('\n');
    const file = join(dir, 'alternating.txt');
    writeFileSync(file, alternating);
    const { code, stdout } = await runCli(['align', file]);
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('gives the same pairs from two files, one per language', async () => {
    const zhFile = join(dir, 'zh.txt');
    const enFile = join(dir, 'en.txt');
    writeFileSync(zhFile, zhParagraphs.join('\n'));
    writeFileSync(enFile, enParagraphs.join('\n\n'));
    const { code, stdout } = await runCli(['align', zhFile, enFile]);
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('gives the same pairs from a copy converted to Simplified, and converts output with --script', async () => {
    const file = join(dir, 'simplified.txt');
    writeFileSync(file, toSimplified(sample));
    const fromSimplified = await runCli(['align', file]);
    expect(fromSimplified.code).toBe(0);
    const simplifiedExpected = expected.map(([zh, en]) => [toSimplified(zh), en]);
    expect(tsvPairs(fromSimplified.stdout)).toEqual(simplifiedExpected);
    const converted = await runCli(['align', EXAMPLE_PATH, '--script', 'simplified']);
    expect(tsvPairs(converted.stdout)).toEqual(simplifiedExpected);
    expect(converted.stdout).toContain('4月14日,市政府外办党组成员');
  });

  for (const encoding of ['gb18030', 'big5'] as const) {
    it(`detects ${encoding} and gives the same pairs`, async () => {
      const file = join(dir, `sample.${encoding}.txt`);
      // Big5 has no tone-marked Latin letters, so a Big5 copy cannot carry the leaked glosses: it is the
      // sample as a Big5 publisher would have it, without them.
      const text = encoding === 'big5' ? sample.replace(ANY_GLOSS, '') : sample;
      writeFileSync(file, encodeLegacy(text, encoding));
      const { code, stdout, stderr } = await runCli(['align', file]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(tsvPairs(stdout)).toEqual(expected);
    });
  }

  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    it(`reads ${encoding} with a BOM`, async () => {
      const file = join(dir, `sample.${encoding}.txt`);
      const body = Buffer.from('\ufeff' + sample, 'utf16le');
      if (encoding === 'utf-16be') body.swap16();
      writeFileSync(file, body);
      const { code, stdout } = await runCli(['align', file]);
      expect(code).toBe(0);
      expect(tsvPairs(stdout)).toEqual(expected);
    });
  }

  it('reads UTF-8 with a BOM and from standard input', async () => {
    const { code, stdout } = await runCli(['align', '-'], { stdin: '\ufeff' + sample });
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('writes TMX 1.4 that validates against the DTD, with zh-TW for kept Traditional', async () => {
    const out = join(dir, 'sample.tmx');
    const { code, stdout } = await runCli(['align', EXAMPLE_PATH, '--format', 'tmx', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const tmx = readFileSync(out, 'utf8');
    expect(await validateTmx(tmx)).toEqual({ valid: true, errors: [] });
    expect(tmx.match(/<tu>/g)).toHaveLength(5);
    expect(tmx).toContain('xml:lang="zh-TW"');
    expect(tmx).toContain('srclang="zh-TW"');
    const simplified = await runCli(['align', EXAMPLE_PATH, '--format', 'tmx', '--script', 'simplified']);
    expect(simplified.stdout).toContain('xml:lang="zh-CN"');
  });

  it('writes JSONL with confidence and source positions, and align bead lines', async () => {
    const jsonl = await runCli(['align', EXAMPLE_PATH, '--format', 'jsonl']);
    const records = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(5);
    records.forEach((r, i) => {
      expect([r.zh, r.en]).toEqual(expected[i]);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.zhIds).toEqual([i]);
      expect(r.enIds).toEqual([i]);
    });
    const align = await runCli(['align', EXAMPLE_PATH, '--format', 'align']);
    expect(align.stdout).toBe('[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n');
  });

  it('reports what cleaning changed, by kind, in JSON and with --verbose', async () => {
    const json = await runCli(['align', EXAMPLE_PATH, '--format', 'json']);
    const document = JSON.parse(json.stdout);
    const glossCount = (sample.match(ANY_GLOSS) ?? []).length;
    expect(glossCount).toBeGreaterThan(10);
    expect(document.cleaning.pinyinGlosses).toBe(glossCount);
    expect(document.inputScript).toBe('traditional');
    expect(document.pairs).toHaveLength(5);
    const verbose = await runCli(['align', EXAMPLE_PATH, '--verbose']);
    expect(verbose.stderr).toContain(`${glossCount} pinyinGlosses`);
    const raw = await runCli(['align', EXAMPLE_PATH, '--no-pinyin-glosses']);
    expect(raw.stdout).toContain('協(xié)');
  });
});
