import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PATH, runCli, tempDirsPerTest } from '../../test/helpers.js';
import { SAMPLE_EN, SAMPLE_ZH } from '../../test/support/sample.js';

// Issue 15, "One CLI that behaves the same everywhere": one test per papercut a new user hit. (The
// help examples themselves are run by examples.test.ts; "one error, two findings" is QA's.)

const temp = tempDirsPerTest('bitext-papercuts-');

/** A workspace holding the press release, with the default TM (./bitext-tm.db) holding it too. */
async function workspace(): Promise<string> {
  const dir = temp();
  copyFileSync(EXAMPLE_PATH, join(dir, 'press-release.txt'));
  expect((await runCli(['tm', 'add', 'press-release.txt'], { cwd: dir })).code).toBe(0);
  return dir;
}

describe('issue 15: help examples find something', () => {
  it("tm lookup's help examples show matches on the bundled example, not 'no matches'", async () => {
    const dir = await workspace();
    const help = (await runCli(['tm', 'lookup', '--help'])).stdout;
    const queries = [...help.matchAll(/\$ bitext tm lookup "([^"]+)"/g)].map((m) => m[1]!);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const query of queries) {
      const { code, stdout } = await runCli(['tm', 'lookup', query, '--min', '60'], { cwd: dir });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^ *\d+% {2}/);
    }
  });
});

describe('issue 15: terms round trip', () => {
  it('terms doc --format tsv > t.tsv, then terms import t.tsv stores every pair', async () => {
    const dir = temp();
    const extracted = await runCli(['terms', EXAMPLE_PATH, '--format', 'tsv'], { cwd: dir });
    expect(extracted.stdout.split('\n')[0]).toBe('zh\ten\tscore\tkind');
    writeFileSync(join(dir, 't.tsv'), extracted.stdout);
    const pairs = extracted.stdout.trim().split('\n').length - 1;
    const imported = await runCli(['terms', 'import', 't.tsv', '--format', 'json'], { cwd: dir });
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ file: 't.tsv', read: pairs, added: pairs });
    const listed = await runCli(['terms', 'list'], { cwd: dir });
    expect(listed.stdout).toContain('王廣成\tWang Guangcheng\tpreferred\tperson');
    expect(listed.stdout).not.toContain('zh\ten\tpreferred');
  });
});

describe('issue 15: the same flags everywhere', () => {
  it('eval takes --format json (and --json, deprecated)', async () => {
    const gold = join(EXAMPLE_PATH, '../gold');
    const json = await runCli(['eval', gold, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).pooled.strict.f1).toBeGreaterThan(0.9);
    expect(JSON.parse((await runCli(['eval', gold, '--json'])).stdout)).toHaveProperty('pooled');
  });

  it('terms import honours --format json and -o', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'glossary.csv'), 'zh,en\n姜江,Jiang Jiang\n');
    const result = await runCli(
      ['terms', 'import', 'glossary.csv', '--format', 'json', '-o', 'report.json'],
      {
        cwd: dir,
      },
    );
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual({
      file: 'glossary.csv',
      read: 1,
      added: 1,
      updated: 0,
    });
  });

  it('tm import - reads standard input', async () => {
    const dir = temp();
    const tmx = (await runCli(['align', EXAMPLE_PATH, '--format', 'tmx'])).stdout;
    const result = await runCli(['tm', 'import', '-'], { cwd: dir, stdin: tmx });
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: '<stdin> (tmx): 5 read, 5 added, 0 duplicates\n',
    });
    const tsv = await runCli(['tm', 'import', '-', '--from', 'tsv', '--db', 'b.db'], {
      cwd: dir,
      stdin: '你好\tHello\n',
    });
    expect(tsv.stdout).toBe('<stdin> (tsv): 1 read, 1 added, 0 duplicates\n');
  });

  it("tm add's help does not suggest two files; two files of one language each are refused clearly", async () => {
    const help = (await runCli(['tm', 'add', '--help'])).stdout;
    expect(help).not.toMatch(/\$ bitext tm add (?:--?\S+ )*[^-\s]\S* [^-\s]\S*/);
    expect(help).toContain(
      'bitext align zh.txt en.txt --format tmx --out pairs.tmx && bitext tm import pairs.tmx',
    );
    const dir = temp();
    writeFileSync(join(dir, 'zh.txt'), `${SAMPLE_ZH.join('\n')}\n`);
    writeFileSync(join(dir, 'en.txt'), `${SAMPLE_EN.join('\n')}\n`);
    const refused = await runCli(['tm', 'add', 'zh.txt', 'en.txt'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^bitext: zh\.txt: .*only Chinese/);
  });

  it('terms with no files extracts from the TM of $BITEXT_DB', async () => {
    const dir = await workspace();
    const result = await runCli(['terms', '--top', '5'], {
      cwd: temp(),
      env: { BITEXT_DB: join(dir, 'bitext-tm.db') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(7); // header, 5 pairs, final newline
  });
});

describe('issue 15: values out of range are exit 1 naming the range', () => {
  it.each([
    [['tm', 'lookup', 'x', '--min', '200'], '--min must be a number from 0 to 100, got "200"'],
    [['tm', 'export', '--min-confidence', '5'], '--min-confidence must be a number from 0 to 1, got "5"'],
    [['tm', 'lookup', 'x', '--limit', '0'], '--limit must be an integer from 1 up, got "0"'],
    [['terms', EXAMPLE_PATH, '--top', '2.5'], '--top must be an integer from 1 up, got "2.5"'],
  ])('%j', async (argv, message) => {
    const dir = await workspace();
    const result = await runCli(argv, { cwd: dir });
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `bitext: ${message}\n` });
  });
});

describe('issue 15: TSV import checks what it reads', () => {
  async function tsvImport(text: string) {
    const dir = temp();
    writeFileSync(join(dir, 'pairs.tsv'), text);
    const result = await runCli(['tm', 'import', 'pairs.tsv'], { cwd: dir });
    return {
      ...result,
      stored: existsSync(join(dir, 'bitext-tm.db')) ? units(join(dir, 'bitext-tm.db')) : 0,
    };
  }
  const units = (db: string) => {
    const handle = new Database(db, { readonly: true });
    try {
      return handle.prepare('SELECT count(*) FROM tm_units').pluck().get() as number;
    } finally {
      handle.close();
    }
  };

  it('a third column that is not a confidence is reported, and nothing stored', async () => {
    const result = await tsvImport('你好\tHello\n世界\tWorld\tnote\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bitext: pairs\.tsv:2:10: a third column "note" that is not a confidence/);
    expect(result.stored).toBe(0);
  });

  it('a source<TAB>target or zh<TAB>en header is recognised and not stored', async () => {
    for (const header of ['source\ttarget', 'zh\ten']) {
      const result = await tsvImport(`${header}\n你好\tHello\n`);
      expect(result.stdout).toBe('pairs.tsv (tsv): 1 read, 1 added, 0 duplicates\n');
      expect(result.stored).toBe(1);
    }
  });

  it('NUL and ESC are refused naming line and column, as align refuses them', async () => {
    const esc = await tsvImport('你好\tHello\n世\u001b界\tWorld\n');
    expect(esc.stderr).toBe(
      'bitext: pairs.tsv:2:2: control character U+001B (ESC) in the text; remove it (bitext align cleans control characters away)\n',
    );
    const nul = await tsvImport('你好\tHel\u0000lo\n');
    expect(nul.code).toBe(1);
    expect(nul.stderr).toMatch(/NUL/);
    expect([esc.stored, nul.stored]).toEqual([0, 0]);
  });
});

describe('issue 15: tm lookup text shows what JSON shows', () => {
  const query =
    '4月15日,市政府外办党组成员、二级巡视员,市对外友协副会长王广成率队赴全国对外友协、中促会汇报重庆市民间对外交往工作情况,争取全国对外友协及中促会对我市对外工作的帮助与支持。';

  it('marks the differing number in both texts and lists it; inverse video on a terminal, not with NO_COLOR', async () => {
    const dir = await workspace();
    const plain = await runCli(['tm', 'lookup', query], { cwd: dir });
    expect(plain.stdout).toMatch(/^ 99% {2}4月«14»日,市政府外辦/);
    expect(plain.stdout).toContain('On April «14», Wang Guangcheng');
    expect(plain.stdout).toContain('numbers differ: 15 ≠ 14');
    const json = JSON.parse((await runCli(['tm', 'lookup', query, '--format', 'json'], { cwd: dir })).stdout);
    expect(json[0].numbers).toEqual([{ query: '15', match: '14' }]);
    const terminal = await runCli(['tm', 'lookup', query], { cwd: dir, isTTY: true });
    expect(terminal.stdout).toContain('4月\u001b[7m14\u001b[27m日');
    const noColor = await runCli(['tm', 'lookup', query], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toBe(plain.stdout);
  });

  it('marks the words the match has that the query lacks', async () => {
    const dir = await workspace();
    const english = await runCli(
      [
        'tm',
        'lookup',
        "Persons in charge of Chongqing People's Association for Friendship with Foreign Countries and Stilwell Research Center attended the events.",
      ],
      { cwd: dir },
    );
    expect(english.stdout).toContain(
      'Stilwell Research Center «(Chongqing Stilwell Museum)» attended the «aforementioned» events.',
    );
  });

  it('shows where inline codes are, as {1}…{/1} and {2/}', async () => {
    const dir = temp();
    writeFileSync(
      join(dir, 'codes.tmx'),
      `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body><tu><tuv xml:lang="zh-CN"><seg>请检查<bpt i="1">&lt;b&gt;</bpt>环境变量<ept i="1">&lt;/b&gt;</ept>的值<ph>%s</ph>。</seg></tuv>
<tuv xml:lang="en-US"><seg>Check the value of the <bpt i="1">&lt;b&gt;</bpt>environment variable<ept i="1">&lt;/b&gt;</ept> <ph>%s</ph>.</seg></tuv></tu></body></tmx>`,
    );
    expect((await runCli(['tm', 'import', 'codes.tmx'], { cwd: dir })).code).toBe(0);
    const { stdout } = await runCli(['tm', 'lookup', '请检查环境变量的值。'], { cwd: dir });
    expect(stdout).toContain('请检查{1}环境变量{/1}的值{2/}。');
    expect(stdout).toContain('Check the value of the {1}environment variable{/1} {2/}.');
  });
});

describe('issue 15: progress on long work', () => {
  // The sample 20 times over: long enough for several progress reports.
  const long = `${Array.from({ length: 20 }, () => SAMPLE_ZH.join('\n')).join('\n')}\n${Array.from({ length: 20 }, () => SAMPLE_EN.join('\n')).join('\n')}\n`;

  it('align draws a bar on stderr when it is a terminal, never with --format json or on a pipe', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'long.txt'), long);
    const tty = { cwd: dir, stderrIsTTY: true, progressDelayMs: 0 };
    const shown = await runCli(['align', 'long.txt'], tty);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/align long\.txt {2}\[.*\] \d+% {2}\d\/\d steps/);
    expect(shown.stdout.split('\n')).toHaveLength(101);
    expect((await runCli(['align', 'long.txt', '--format', 'json'], tty)).stderr).toBe('');
    expect((await runCli(['align', 'long.txt', '--quiet'], tty)).stderr).toBe('');
    expect((await runCli(['align', 'long.txt'], { ...tty, stderrIsTTY: false })).stderr).toBe('');
  });

  it('tm import counts units on a terminal', async () => {
    const dir = temp();
    const lines = Array.from({ length: 5000 }, (_, i) => `第${i}句话。\tSentence ${i}.`).join('\n');
    writeFileSync(join(dir, 'big.tsv'), `${lines}\n`);
    const result = await runCli(['tm', 'import', 'big.tsv'], {
      cwd: dir,
      stderrIsTTY: true,
      progressDelayMs: 0,
    });
    expect(result.stdout).toBe('big.tsv (tsv): 5000 read, 5000 added, 0 duplicates\n');
    expect(result.stderr).toMatch(/import big\.tsv {2}\d+ units/);
    const verbose = await runCli(['tm', 'import', 'big.tsv', '--db', 'v.db', '-v'], { cwd: dir });
    expect(verbose.stderr).toMatch(/^big\.tsv: imported 5000 units in \d+\.\d s \(\d+ units\/s\)\n$/);
  });

  it('a migration that re-indexes the TM shows units done of all', async () => {
    const dir = await workspace();
    // Back to schema version 3: version 4 re-keys every unit when the TM is next opened for writing.
    const db = new Database(join(dir, 'bitext-tm.db'));
    db.exec(`ALTER TABLE tm_units DROP COLUMN zh_codes; ALTER TABLE tm_units DROP COLUMN en_codes;
      ALTER TABLE tm_units DROP COLUMN meta; PRAGMA user_version = 3;`);
    db.close();
    const result = await runCli(['tm', 'add', EXAMPLE_PATH], {
      cwd: dir,
      stderrIsTTY: true,
      progressDelayMs: 0,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/migrate {2}\[.*\] 100% {2}5\/5 units/);
  });
});
