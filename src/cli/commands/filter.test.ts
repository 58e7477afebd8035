import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../../test/helpers.js';
import { encodeLegacy } from '../../../test/legacy-encoding.js';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

const newDir = tempDirsPerTest('bitext-filter-');

async function cli(cwd: string, ...argv: string[]) {
  const memory = memoryIo({ cwd });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

const GOOD: Array<[string, string]> = [
  [
    '王广成汇报了重庆市2020年外事工作情况。',
    "Wang Guangcheng reported on Chongqing's foreign affairs work in 2020.",
  ],
  [
    '姜江副会长表示，开展对外交流的形式发生了变化。',
    'Vice president Jiang Jiang said that the format of external exchanges had changed.',
  ],
  [
    '他希望重庆市用好友好城市等外事资源。',
    'He hoped Chongqing would make good use of foreign affairs resources such as sister cities.',
  ],
  ['市对外友协负责人参加了上述活动。', 'Persons in charge of the municipal association attended the events.'],
];

/** Four good pairs, then junk: a copy, a near copy (Traditional, full-width digits), an untranslated line, a number that differs. */
function writePairs(dir: string): void {
  const lines = [
    ...GOOD.map(([zh, en]) => `${zh}\t${en}`),
    `${GOOD[0]![0]}\t${GOOD[0]![1]}`,
    `王廣成匯報了重慶市２０２０年外事工作情況\t${GOOD[0]![1].toUpperCase()}`,
    'Stilwell Museum\tStilwell Museum',
    `共有三千人参加了会议。\tIn all 300 people attended the meeting.`,
  ];
  writeFileSync(join(dir, 'pairs.tsv'), `${lines.join('\n')}\n`);
}

describe('bitext filter', () => {
  it('keeps the good pairs, rejects the junk with its rule and origin, and writes stats', async () => {
    const dir = newDir();
    writePairs(dir);
    const result = await cli(dir, 'filter', 'pairs.tsv', '--out', 'kept.tsv', '--rejected', 'rejected.jsonl');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^8 pairs: 4 kept, 4 rejected/);
    expect(readFileSync(join(dir, 'kept.tsv'), 'utf8')).toBe(
      GOOD.map(([zh, en]) => `${zh}\t${en}\n`).join(''),
    );
    const rejected = readFileSync(join(dir, 'rejected.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejected.map((r) => [r.line, r.rule])).toEqual([
      [5, 'duplicate'],
      [6, 'near-duplicate'],
      [7, 'untranslated'],
      [8, 'numbers'],
    ]);
    expect(rejected[0]).toMatchObject({ file: 'pairs.tsv', duplicateOf: { file: 'pairs.tsv', line: 1 } });
    expect(rejected[1].duplicateOf).toEqual({ file: 'pairs.tsv', line: 1 });
    expect(rejected[3].why).toMatch(/三千 \(zh\), 300 \(en\)/);
    const stats = JSON.parse(readFileSync(join(dir, 'kept.tsv.stats.json'), 'utf8'));
    expect(stats).toMatchObject({
      pairs: 8,
      kept: 4,
      rejected: 4,
      byRule: { duplicate: 1, 'near-duplicate': 1, untranslated: 1, numbers: 1 },
    });
    expect(stats.byDocument['pairs.tsv']).toMatchObject({ pairs: 8, kept: 4 });
  });

  it('writes Moses (two files, scores beside), TSV with score columns, JSONL and TMX', async () => {
    const dir = newDir();
    writePairs(dir);
    expect(
      (await cli(dir, 'filter', 'pairs.tsv', '--out', 'corpus', '--format', 'moses', '--scores')).code,
    ).toBe(0);
    expect(readFileSync(join(dir, 'corpus.zh'), 'utf8')).toBe(GOOD.map(([zh]) => `${zh}\n`).join(''));
    expect(readFileSync(join(dir, 'corpus.en'), 'utf8')).toBe(GOOD.map(([, en]) => `${en}\n`).join(''));
    const scoreLines = readFileSync(join(dir, 'corpus.scores'), 'utf8').trim().split('\n');
    expect(scoreLines).toHaveLength(4);
    expect(scoreLines[0]!.split('\t')).toHaveLength(11);

    expect((await cli(dir, 'filter', 'pairs.tsv', '--out', 'kept.tsv', '--scores')).code).toBe(0);
    const [header, first] = readFileSync(join(dir, 'kept.tsv'), 'utf8').split('\n');
    expect(header!.split('\t').slice(0, 3)).toEqual(['zh', 'en', 'too-short']);
    const lexical = header!.split('\t').indexOf('lexical');
    expect(Number(first!.split('\t')[lexical])).toBeGreaterThan(0.1);

    expect(
      (await cli(dir, 'filter', 'pairs.tsv', '--out', 'kept.jsonl', '--format', 'jsonl', '--scores')).code,
    ).toBe(0);
    const record = JSON.parse(readFileSync(join(dir, 'kept.jsonl'), 'utf8').split('\n')[0]!);
    expect(record).toMatchObject({ zh: GOOD[0]![0], en: GOOD[0]![1], document: 'pairs.tsv' });
    expect(Object.keys(record.scores)).toContain('numbers');

    expect((await cli(dir, 'filter', 'pairs.tsv', '--out', 'kept.tmx', '--format', 'tmx')).code).toBe(0);
    const tmx = readFileSync(join(dir, 'kept.tmx'), 'utf8');
    expect(tmx.match(/<tu>/g)).toHaveLength(4);
    // Read back by filter itself: the same four pairs, all kept.
    expect((await cli(dir, 'filter', 'kept.tmx', '--out', 'again.tsv')).stdout).toMatch(
      /^4 pairs: 4 kept, 0 rejected/,
    );
  });

  it('reads a batch output folder, each file a document, and skips its report', async () => {
    const dir = newDir();
    mkdirSync(join(dir, 'aligned/sub'), { recursive: true });
    writeFileSync(
      join(dir, 'aligned/a.jsonl'),
      GOOD.slice(0, 2)
        .map(([zh, en]) => `${JSON.stringify({ zh, en, confidence: 0.9 })}\n`)
        .join(''),
    );
    writeFileSync(
      join(dir, 'aligned/sub/b.tsv'),
      GOOD.slice(2)
        .map(([zh, en]) => `${zh}\t${en}\n`)
        .join(''),
    );
    writeFileSync(join(dir, 'aligned/batch-report.jsonl'), '{"document":"a.txt","status":"done"}\n');
    const result = await cli(dir, 'filter', 'aligned', '--out', 'kept.tsv');
    expect(result.stdout).toMatch(/^4 pairs: 4 kept/);
    const stats = JSON.parse(readFileSync(join(dir, 'kept.tsv.stats.json'), 'utf8'));
    expect(Object.keys(stats.byDocument).sort()).toEqual(['aligned/a.jsonl', 'aligned/sub/b.tsv']);
  });

  it('--explain prints every rule with its score for one pair', async () => {
    const dir = newDir();
    writePairs(dir);
    const kept = await cli(dir, 'filter', 'pairs.tsv', '--explain', '2');
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/^pairs\.tsv:2: kept\n/);
    expect(kept.stdout).toMatch(/^ {2}lexical +pass +score [\d.]+ +\d+% of \d+ zh words/m);
    const dropped = await cli(dir, 'filter', 'pairs.tsv', '--explain', 'pairs.tsv:8');
    expect(dropped.stdout).toMatch(
      /^pairs\.tsv:8: rejected by numbers: no counterpart for 三千 \(zh\), 300 \(en\)/,
    );
    expect(dropped.stdout).toMatch(/^ {2}numbers +FAIL/m);
    const copy = await cli(dir, 'filter', 'pairs.tsv', '--explain', '5');
    expect(copy.stdout).toMatch(/rejected by duplicate: a copy of pairs\.tsv:1/);
  });

  it('refuses a config with an unknown rule, naming it, and writes nothing', async () => {
    const dir = newDir();
    writePairs(dir);
    writeFileSync(
      join(dir, 'filter.json'),
      JSON.stringify({ rules: { 'length-ration': { maxDeviation: 3 } } }),
    );
    const result = await cli(dir, 'filter', 'pairs.tsv', '--out', 'kept.tsv', '--config', 'filter.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bitext: filter\.json: unknown rule "length-ration" \(rules: too-short, /);
    expect(existsSync(join(dir, 'kept.tsv'))).toBe(false);
    const printed = await cli(dir, 'filter', '--print-config');
    expect(JSON.parse(printed.stdout).rules['length-ratio']).toEqual({ enabled: true, maxDeviation: 3.5 });
  });

  it('a malformed line stops the run with its place, and leaves no output behind', async () => {
    const dir = newDir();
    writeFileSync(
      join(dir, 'pairs.jsonl'),
      `${JSON.stringify({ zh: GOOD[0]![0], en: GOOD[0]![1] })}\n{"zh": "半"\n`,
    );
    writeFileSync(join(dir, 'kept.tsv'), 'old\n');
    const result = await cli(dir, 'filter', 'pairs.jsonl', '--out', 'kept.tsv', '--rejected', 'rej.jsonl');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bitext: pairs\.jsonl:2: not JSON/);
    expect(readFileSync(join(dir, 'kept.tsv'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['kept.tsv', 'pairs.jsonl']);
  });

  it('reads pairs in GB18030, Big5 or UTF-16 as the other commands do, streamed past 64 KiB, or as --encoding says', async () => {
    const dir = newDir();
    const tsv = `${GOOD.map(([zh, en]) => `${zh}\t${en}`).join('\n')}\n`;
    writeFileSync(join(dir, 'gb.tsv'), encodeLegacy(tsv, 'gb18030'));
    const utf16 = Buffer.from(`\uFEFF${JSON.stringify({ zh: GOOD[1]![0], en: GOOD[1]![1] })}\n`, 'utf16le');
    writeFileSync(join(dir, 'wide.jsonl'), utf16);
    // Long enough that the encoding is judged on its head and the rest decoded as it streams.
    const rounds = Array.from({ length: 400 }, (_, i) =>
      GOOD.map(([zh, en]) => `${zh}（${i}）\t${en} (${i})`),
    );
    const long = `${rounds.flat().join('\n')}\n`;
    writeFileSync(join(dir, 'long.tsv'), encodeLegacy(long, 'gb18030'));
    expect(encodeLegacy(long, 'gb18030').length).toBeGreaterThan(1 << 17);
    for (const input of ['gb.tsv', 'wide.jsonl', 'long.tsv']) {
      const result = await cli(dir, 'filter', input, '--out', 'kept.tsv');
      expect(result.stderr).toBe('');
      const kept = readFileSync(join(dir, 'kept.tsv'), 'utf8');
      const expected = {
        'gb.tsv': [`${GOOD[0]![0]}\t${GOOD[0]![1]}\n`],
        'wide.jsonl': [`${GOOD[1]![0]}\t${GOOD[1]![1]}\n`],
        'long.tsv': [`${GOOD[0]![0]}（0）\t`, `${GOOD[3]![0]}（399）\t`],
      }[input]!;
      for (const line of expected) expect(kept).toContain(line);
    }
    writeFileSync(
      join(dir, 'big5.tsv'),
      encodeLegacy('臺北市外事工作情況良好。\tForeign affairs in Taipei went well.\n', 'big5'),
    );
    const forced = await cli(dir, 'filter', 'big5.tsv', '--out', 'kept.tsv', '--encoding', 'big5');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'kept.tsv'), 'utf8')).toContain('臺北市外事工作情況良好。');
    // A byte that is not GB18030 far past the head: named by its offset, and nothing written.
    const bad = Buffer.concat([Buffer.from(encodeLegacy(long, 'gb18030')), Buffer.from([0xff, 0x0a])]);
    writeFileSync(join(dir, 'bad.tsv'), bad);
    const refused = await cli(dir, 'filter', 'bad.tsv', '--out', 'out.tsv');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `bad.tsv (byte ${bad.length - 2}): invalid GB18030 at byte ${bad.length - 2}`,
    );
    expect(existsSync(join(dir, 'out.tsv'))).toBe(false);
  });

  it('refuses --out naming its input', async () => {
    const dir = newDir();
    writePairs(dir);
    const result = await cli(dir, 'filter', 'pairs.tsv', '--out', 'pairs.tsv');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is one of the inputs/);
  });
});
