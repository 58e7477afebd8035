import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../store/sqlite/migrations.js';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const example = join(repoRoot, 'examples/press-release.txt');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-tm-cli-'));
});

async function cli(...argv: string[]) {
  const memory = memoryIo({ cwd: dir, env: { BITEXT_DB: join(dir, 'env.db') } });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('bitext tm', () => {
  it('adds a document once, then reports it as present; stats count it', async () => {
    const first = await cli('tm', 'add', example, '--format', 'json');
    expect(first.code).toBe(0);
    const [result] = JSON.parse(first.stdout);
    expect(result.added).toBeGreaterThanOrEqual(4);
    const again = await cli('tm', 'add', example);
    expect(again.stdout).toContain('already in the TM, nothing added');
    const stats = JSON.parse((await cli('tm', 'stats', '--format', 'json')).stdout);
    expect(stats).toMatchObject({ units: result.added, documents: 1, schemaVersion: SCHEMA_VERSION });
    expect(stats.scripts.traditional).toBe(result.added);
    expect(stats.bytes).toBeGreaterThan(0);
  });

  it('looks up a changed sentence: score, both sides and the differing number, best first', async () => {
    await cli('tm', 'add', example);
    // Simplified, with 2020 changed to 2019 and a clause dropped.
    const query = '王广成拜会全国对外友协副会长姜江时,汇报了重庆市2019年外事工作情况及2021年工作计划。';
    const { code, stdout } = await cli('tm', 'lookup', query, '--min', '30', '--format', 'json');
    expect(code).toBe(0);
    const matches = JSON.parse(stdout);
    expect(matches[0].en).toMatch(/^During his visit to Jiang Jiang/);
    expect(matches[0].numbers).toContainEqual({ query: '2019', match: '2020' });
    const scores = matches.map((m: { score: number }) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const text = await cli('tm', 'lookup', query, '--min', '30');
    expect(text.stdout).toMatch(/^ *\d+% {2}王廣成拜會/);
    expect(text.stdout).toContain('2019 ≠ 2020');
    expect((await cli('tm', 'lookup', query)).stdout).toBe('no matches of 70% or more\n');
  });

  it('searches the concordance with the hit marked', async () => {
    await cli('tm', 'add', example);
    const hits = JSON.parse((await cli('tm', 'search', '史迪威博物館', '--format', 'json')).stdout);
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits[0]).toMatchObject({ lang: 'zh', hit: '史迪威博物館' });
    const english = await cli('tm', 'search', 'stilwell museum', '--lang', 'en');
    expect(english.stdout).toContain('«Stilwell Museum»');
  });

  it('imports, then exports TMX to a file and TSV to stdout, with --db', async () => {
    writeFileSync(join(dir, 'pairs.tsv'), '你好\tHello\t0.9\n世界\tWorld\t0.3\n');
    const imported = await cli('tm', 'import', 'pairs.tsv', '--db', 'other.db');
    expect(imported.stdout).toBe('pairs.tsv (tsv): 2 read, 2 added, 0 duplicates\n');
    expect((await cli('tm', 'export', '--db', 'other.db', '--out', 'out.tmx')).code).toBe(0);
    const tmx = readFileSync(join(dir, 'out.tmx'), 'utf8');
    expect(tmx).toContain('<tuv xml:lang="zh-CN"><seg>你好</seg></tuv>');
    const tsv = await cli('tm', 'export', '--db', 'other.db', '--format', 'tsv', '--min-confidence', '0.5');
    expect(tsv.stdout).toBe('你好\tHello\n');
    // The environment's database was never touched: reading it finds none, and does not create it.
    const stats = await cli('tm', 'stats', '--format', 'json');
    expect(stats).toMatchObject({ code: 1, stdout: '' });
    expect(stats.stderr).toBe(
      `bitext: ${join(dir, 'env.db')}: no such TM (reading never creates one; \`bitext tm add\` or \`tm import\` makes it)\n`,
    );
    expect(existsSync(join(dir, 'env.db'))).toBe(false);
  });

  it('fails with exit 1 and file:line:column on malformed or unsafe input, storing nothing', async () => {
    writeFileSync(
      join(dir, 'bad.tmx'),
      '<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="zh"><seg>x</tu>\n</body></tmx>',
    );
    const bad = await cli('tm', 'import', 'bad.tmx');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bitext: bad\.tmx:3:\d+: malformed XML/);
    writeFileSync(
      join(dir, 'bomb.tmx'),
      '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">]><tmx>&a;</tmx>',
    );
    const bomb = await cli('tm', 'import', 'bomb.tmx');
    expect(bomb.code).toBe(1);
    expect(bomb.stderr).toContain('DOCTYPE declarations are refused');
    expect((await cli('tm', 'import', 'missing.tmx')).stderr).toBe('bitext: missing.tmx: no such file\n');
    expect((await cli('tm', 'lookup', 'x', '--min', 'lots')).code).toBe(1);
    // The TM these failed commands would have created was never put in place, nor anything beside it.
    expect(existsSync(join(dir, 'env.db'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bad.tmx', 'bomb.tmx']);
  });

  it('creates a TM only when the command that creates it succeeds, folders and all', async () => {
    const deleted = await cli('tm', 'delete', '1', '--db', 'new/tm.db');
    expect(deleted).toMatchObject({
      code: 1,
      stderr: 'bitext: no document "1" in the TM (see `bitext tm documents`)\n',
    });
    writeFileSync(join(dir, 'bad.tmx'), '<tmx version="1.4">\n<body>\n<tu>\n');
    expect((await cli('tm', 'import', 'bad.tmx', '--db', 'new/tm.db')).code).toBe(1);
    expect(readdirSync(dir)).toEqual(['bad.tmx']);
    writeFileSync(join(dir, 'good.tsv'), '你好\tHello\n');
    expect((await cli('tm', 'import', 'good.tsv', '--db', 'new/tm.db')).stdout).toMatch(/1 read, 1 added/);
    expect(readdirSync(join(dir, 'new'))).toEqual(['tm.db']);
    expect(JSON.parse((await cli('tm', 'stats', '--db', 'new/tm.db', '--format', 'json')).stdout).units).toBe(
      1,
    );
  });
});
