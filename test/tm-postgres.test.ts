import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { EXAMPLE_PATH, runCli, tempDir } from './helpers.js';
import { cliProcess, SOURCE_CLI } from './support/cli-process.js';
import { createTestDatabase } from './support/postgres-server.js';

// The team TM as its users meet it: the CLI with --db postgres://… against the test run's real
// PostgreSQL server (test/support/global-setup.ts), many processes at once.

let dir: string;
let cleanup: () => void;
let url: string;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  url = await createTestDatabase(inject('postgresUrl'));
});
afterEach(() => cleanup());

const cli = (...argv: string[]) => runCli(argv, { cwd: dir, env: {} });
const json = async (...argv: string[]) => {
  const result = await cli(...argv, '--db', url, '--format', 'json');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
};
/** Rows of `count` distinct pairs tagged `tag`, as a TSV file in the test folder. */
function tsvFile(name: string, tag: string, count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `${tag}第${i}条消息已经发布。\t${tag} message number ${i} was issued.\n`,
  );
  writeFileSync(join(dir, name), rows.join(''));
  return name;
}
async function bitextTables(): Promise<string[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'bitext' ORDER BY 1",
    );
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}

describe('a team TM on PostgreSQL through the CLI', () => {
  it('imports, looks up, searches, lists, exports and deletes, as on SQLite', async () => {
    const added = await cli('tm', 'add', EXAMPLE_PATH, '--db', url);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('5 read, 5 added');
    expect(await json('tm', 'stats')).toMatchObject({
      units: 5,
      documents: 1,
      languages: { zh: { 'zh-TW': 5 } },
    });
    // The first sentence of the release with another date: a near-full match showing the number.
    const [match] = await json(
      'tm',
      'lookup',
      '4月15日,市政府外辦黨組成員、二級巡視員,市對外友協副會長王廣成率隊赴全國對外友協、中促會匯報重慶市民間對外交往工作情況,爭取全國對外友協及中促會對我市對外工作的幫助與支持。',
    );
    expect(match.score).toBeGreaterThanOrEqual(95);
    expect(match.numbers).toEqual([{ query: '15', match: '14' }]);
    expect(match.unit.en).toContain('Wang Guangcheng');
    const hits = await json('tm', 'search', 'Stilwell Muse');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    const [document] = await json('tm', 'documents');
    expect(document).toMatchObject({ units: 5, kind: 'aligned' });
    const tmx = await cli('tm', 'export', '--format', 'tmx', '--db', url);
    expect(tmx.stdout.match(/<tu /g)).toHaveLength(5);
    expect((await cli('tm', 'delete', String(document.id), '--db', url)).code).toBe(0);
    expect(await json('tm', 'stats')).toMatchObject({ units: 0, documents: 0 });
  });

  it('keeps a termbase: terms import and list', async () => {
    writeFileSync(
      join(dir, 'terms.tsv'),
      '重慶史迪威博物館\tChongqing Stilwell Museum\tpreferred\n姜江\tJiang Jiang\tadmitted\n',
    );
    const imported = await cli('terms', 'import', 'terms.tsv', '--db', url);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const listed = await json('terms', 'list');
    expect(listed.map((t: { en: string; status: string }) => [t.en, t.status])).toEqual([
      // By the Chinese in code-point order (姜 U+59DC before 重 U+91CD), as SQLite lists them.
      ['Jiang Jiang', 'admitted'],
      ['Chongqing Stilwell Museum', 'preferred'],
    ]);
  });

  it('8 processes importing different files at once: all exit 0 and the TM holds exactly the sum', async () => {
    const files = Array.from({ length: 8 }, (_, k) => tsvFile(`f${k}.tsv`, `第${k}批`, 1500 + k * 100));
    const results = await Promise.all(
      files.map((file) => cliProcess(['tm', 'import', file, '--db', url], { cwd: dir })),
    );
    expect(results.map((r) => [r.code, r.stderr])).toEqual(files.map(() => [0, '']));
    const expected = files.reduce((sum, _, k) => sum + 1500 + k * 100, 0);
    expect(await json('tm', 'stats')).toMatchObject({ units: expected, documents: 8 });
    // The index knows every unit: each file's last row is found at 100.
    const [match] = await json('tm', 'lookup', '第7批第2199条消息已经发布。');
    expect(match).toMatchObject({ score: 100 });
  });

  it('the same file imported twice at once: stored once, the other run reports it present, both exit 0', async () => {
    const file = tsvFile('same.tsv', '同', 3000);
    const [a, b] = await Promise.all([
      cliProcess(['tm', 'import', file, '--db', url, '--format', 'json'], { cwd: dir }),
      cliProcess(['tm', 'import', file, '--db', url, '--format', 'json'], { cwd: dir }),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const present = [a, b].map((r) => JSON.parse(r.stdout).alreadyPresent).sort();
    expect(present).toEqual([false, true]);
    expect(await json('tm', 'stats')).toMatchObject({ units: 3000, documents: 1 });
  });

  it('an importing process killed midway leaves the TM as it was', async () => {
    expect((await cli('tm', 'import', tsvFile('small.tsv', '小', 10), '--db', url)).code).toBe(0);
    const big = tsvFile('big.tsv', '大', 60_000);
    const child = spawn(process.execPath, [...SOURCE_CLI, 'tm', 'import', big, '--db', url], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let exitCode: number | null | undefined;
    const exited = new Promise<void>((resolve) =>
      child.on('exit', (code) => {
        exitCode = code;
        resolve();
      }),
    );
    // Killed once its COPY into the staging table is under way, as the server sees it.
    const client = new pg.Client(url);
    await client.connect();
    try {
      for (let copying = false; !copying; await new Promise((r) => setTimeout(r, 20))) {
        // A run that ended before it was seen copying proves nothing: fail with what it said.
        expect(exitCode, stderr).toBeUndefined();
        const { rows } = await client.query(
          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bitext' AND query LIKE 'COPY bitext_staging%'",
        );
        copying = rows.length > 0;
      }
      child.kill('SIGKILL');
      await exited;
    } finally {
      await client.end();
    }
    expect(await json('tm', 'stats')).toMatchObject({ units: 10, documents: 1 });
    // The file imports whole afterwards: nothing of the killed run was left to make it look present.
    expect((await cli('tm', 'import', big, '--db', url)).stdout).toContain('60000 added');
  });

  it('reading a database without a bitext TM is exit 1 and creates nothing', async () => {
    for (const argv of [
      ['tm', 'stats'],
      ['tm', 'lookup', '重慶'],
      ['tm', 'documents'],
      ['terms', 'list'],
    ]) {
      const result = await cli(...argv, '--db', url);
      expect(result, argv.join(' ')).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toContain('no bitext TM in this database');
    }
    expect(await bitextTables()).toEqual([]);
  });

  it('names a server it cannot reach, or a database that is not there, without the password: exit 1', async () => {
    const closed = await cli('tm', 'stats', '--db', 'postgres://translator:secret@127.0.0.1:1/tm');
    expect(closed.code).toBe(1);
    expect(closed.stderr).toBe(
      'bitext: postgres://translator:***@127.0.0.1:1/tm: cannot reach the PostgreSQL server (ECONNREFUSED)\n',
    );
    const missing = await cli('tm', 'import', tsvFile('x.tsv', '缺', 1), '--db', `${url}_missing`);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('no such database on the server');
  });
});
