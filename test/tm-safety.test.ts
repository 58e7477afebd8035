import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_PATH, runCli, tempDir } from './helpers.js';
import { cliProcess as cliProcessIn, SOURCE_CLI } from './support/cli-process.js';

// The store findings of issue 9, each as a user meets it: reading never creates a TM, another
// program's database or a damaged one is refused and left as it was, concurrent imports both succeed.

const run = promisify(execFile);
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const cli = (...argv: string[]) => runCli(argv, { cwd: dir, env: {} });
const bytesOf = (file: string) => readFileSync(join(dir, file));

/** The CLI in a process of its own, from the sources, in the test folder. */
const cliProcess = (...argv: string[]) => cliProcessIn(argv, { cwd: dir });

describe('a TM that is not there, not bitext’s, or damaged', () => {
  it('reading a missing TM is exit 1 naming its path, and creates nothing', async () => {
    for (const argv of [
      ['tm', 'stats'],
      ['tm', 'lookup', '重慶'],
      ['tm', 'search', '重慶'],
      ['tm', 'documents'],
      ['tm', 'export', '--format', 'tsv'],
      ['terms', 'list'],
    ]) {
      const result = await cli(...argv, '--db', 'none.db');
      expect(result, argv.join(' ')).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toBe(
        `bitext: ${join(dir, 'none.db')}: no such TM (reading never creates one; \`bitext tm add\` or \`tm import\` makes it)\n`,
      );
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses another program's SQLite database, for reading and writing, and leaves it as it was", async () => {
    const other = new Database(join(dir, 'notes.db'));
    other.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')",
    );
    other.close();
    const before = bytesOf('notes.db');
    for (const argv of [
      ['tm', 'add', EXAMPLE_PATH],
      ['tm', 'stats'],
    ]) {
      const result = await cli(...argv, '--db', 'notes.db');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^bitext: .*notes\.db: is a SQLite database of another program \(tables: notes\)/,
      );
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(bytesOf('notes.db').equals(before)).toBe(true);
    writeFileSync(join(dir, 'text.db'), 'just some text, not a database at all\n'.repeat(100));
    const text = await cli('tm', 'add', EXAMPLE_PATH, '--db', 'text.db');
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('text.db: is not a SQLite database');
  });

  it('refuses to write into a damaged TM: exit 1 naming it, nothing reported added, the file unchanged', async () => {
    expect((await cli('tm', 'add', EXAMPLE_PATH, '--db', 'tm.db')).code).toBe(0);
    // Damage a b-tree page past the header (page 3 of 4096-byte pages), as a bad disk or a copy cut
    // short would, where a small import might never look.
    const damaged = Buffer.from(bytesOf('tm.db'));
    damaged.fill(0x5a, 2 * 4096 + 8, 2 * 4096 + 200);
    writeFileSync(join(dir, 'tm.db'), damaged);
    writeFileSync(join(dir, 'pairs.tsv'), '你好\tHello\n世界\tWorld\n谢谢\tThank you\n');
    const result = await cli('tm', 'import', 'pairs.tsv', '--db', 'tm.db');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^bitext: .*tm\.db: the database file is damaged/);
    expect(bytesOf('tm.db').equals(damaged)).toBe(true);
  });

  it('refuses store URLs it does not know, without creating folders named after them', async () => {
    const unknown = await cli('tm', 'stats', '--db', 'mysql://user@host/tm');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown store URL');
    const postgres = await cli('tm', 'stats', '--db', 'postgres://user:secret@127.0.0.1:1/tm');
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).not.toContain('secret');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a TM many use at once', () => {
  it('two processes adding the same file: one adds it, the other reports it present, both exit 0', async () => {
    const [a, b] = await Promise.all([
      cliProcess('tm', 'add', EXAMPLE_PATH, '--db', 'tm.db', '--format', 'json'),
      cliProcess('tm', 'add', EXAMPLE_PATH, '--db', 'tm.db', '--format', 'json'),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const present = [a, b].map((r) => JSON.parse(r.stdout)[0].alreadyPresent).sort();
    expect(present).toEqual([false, true]);
    const stats = JSON.parse((await cli('tm', 'stats', '--db', 'tm.db', '--format', 'json')).stdout);
    expect(stats).toMatchObject({ units: 5, documents: 1 });
  });

  it('two processes importing different files into one TM: both exit 0 and every unit is there', async () => {
    const rows = (tag: string) =>
      Array.from({ length: 3000 }, (_, i) => `${tag}第${i}条消息。\t${tag} message number ${i}.\n`).join('');
    writeFileSync(join(dir, 'a.tsv'), rows('甲'));
    writeFileSync(join(dir, 'b.tsv'), rows('乙'));
    const results = await Promise.all([
      cliProcess('tm', 'import', 'a.tsv', '--db', 'tm.db'),
      cliProcess('tm', 'import', 'b.tsv', '--db', 'tm.db'),
    ]);
    expect(results.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const stats = JSON.parse((await cli('tm', 'stats', '--db', 'tm.db', '--format', 'json')).stdout);
    expect(stats).toMatchObject({ units: 6000, documents: 2 });
  });

  it('reads a TM the user may not write, in a folder they may not write, creating nothing', async () => {
    expect((await cli('tm', 'add', EXAMPLE_PATH, '--db', 'tm.db')).code).toBe(0);
    const listing = readdirSync(dir);
    const before = bytesOf('tm.db');
    chmodSync(join(dir, 'tm.db'), 0o444);
    chmodSync(dir, 0o555);
    try {
      // Root writes through any mode bits: read as an unprivileged user when running as root.
      const argv = [process.execPath, ...SOURCE_CLI];
      const asUser =
        process.getuid?.() === 0
          ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv]
          : argv;
      const { stdout } = await run(
        asUser[0]!,
        [...asUser.slice(1), 'tm', 'stats', '--db', 'tm.db', '--format', 'json'],
        {
          cwd: dir,
          env: { ...process.env, BITEXT_DB: '' },
        },
      );
      expect(JSON.parse(stdout)).toMatchObject({ units: 5 });
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readdirSync(dir)).toEqual(listing);
    expect(bytesOf('tm.db').equals(before)).toBe(true);
  });
});

describe('managing the documents of a TM', () => {
  it('lists, replaces, exports by id or path, and deletes documents', async () => {
    const doc = join(dir, 'release.txt');
    copyFileSync(EXAMPLE_PATH, doc);
    expect((await cli('tm', 'add', 'release.txt', '--db', 'tm.db')).stdout).toBe(
      'release.txt: 5 read, 5 added, 0 duplicates\n',
    );
    // A revised release: one more sentence pair at the end.
    writeFileSync(doc, `${readFileSync(EXAMPLE_PATH, 'utf8')}\n新增一句。\nOne more sentence.\n`);
    const kept = await cli('tm', 'add', 'release.txt', '--db', 'tm.db');
    expect(kept.stdout).toContain(
      'the TM also holds another version of it (id 1); use --replace to replace it',
    );
    const listed = JSON.parse((await cli('tm', 'documents', '--db', 'tm.db', '--format', 'json')).stdout);
    expect(listed.map((d: { id: number; name: string }) => [d.id, d.name])).toEqual([
      [1, 'release.txt'],
      [2, 'release.txt'],
    ]);
    const ambiguous = await cli('tm', 'export', '--db', 'tm.db', '--document', 'release.txt');
    expect(ambiguous).toMatchObject({ code: 1, stdout: '' });
    expect(ambiguous.stderr).toContain(
      '"release.txt" names 2 documents (1 release.txt, 2 release.txt); give the id',
    );
    expect((await cli('tm', 'export', '--db', 'tm.db', '--document', '2', '-f', 'tsv')).stdout).toBe(
      '新增一句。\tOne more sentence.\n',
    );
    // --replace: a third version takes the place of both.
    writeFileSync(doc, `${readFileSync(EXAMPLE_PATH, 'utf8')}\n最后一句。\nThe last sentence.\n`);
    const replaced = await cli('tm', 'add', '--replace', 'release.txt', '--db', 'tm.db');
    expect(replaced.stdout).toBe(
      'release.txt: 6 read, 6 added, 0 duplicates; replaced an earlier version (6 units removed)\n',
    );
    const text = (await cli('tm', 'documents', '--db', 'tm.db')).stdout;
    expect(text).toMatch(/^ *id {2}units {2}added/);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(
      /\n *\d+ {2}\s*6 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}aligned {5}release\.txt\n$/,
    );
    const [header, row] = text.split('\n');
    expect(row!.indexOf('aligned')).toBe(header!.indexOf('kind'));
    const tsv = (await cli('tm', 'export', '--db', 'tm.db', '--document', 'release.txt', '-f', 'tsv')).stdout;
    expect(tsv.trim().split('\n')).toHaveLength(6);
    expect((await cli('tm', 'delete', 'nothing.txt', '--db', 'tm.db')).stderr).toBe(
      'bitext: no document "nothing.txt" in the TM (see `bitext tm documents`)\n',
    );
    const [{ id }] = JSON.parse((await cli('tm', 'documents', '--db', 'tm.db', '--format', 'json')).stdout);
    expect((await cli('tm', 'delete', String(id), '--db', 'tm.db')).stdout).toBe(
      `deleted document ${id} (release.txt) and its 6 units\n`,
    );
    expect(JSON.parse((await cli('tm', 'stats', '--db', 'tm.db', '--format', 'json')).stdout)).toMatchObject({
      units: 0,
      documents: 0,
    });
    expect(existsSync(join(dir, 'tm.db'))).toBe(true);
  });
});
