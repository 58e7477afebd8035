import { copyFileSync, linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PATH, runCli, tempDirsPerTest } from '../../test/helpers.js';

// `-o` naming an input (or the database) used to replace it and exit 0. Each command must refuse
// with one line, exit 1, before doing anything, and leave every byte of what it reads as it was.

const newDir = tempDirsPerTest('bitext-out-in-');

/** A folder holding doc.txt (the example), a termbase CSV and a TM database with the document in it. */
async function workspace() {
  const dir = newDir();
  copyFileSync(EXAMPLE_PATH, join(dir, 'doc.txt'));
  writeFileSync(
    join(dir, 'terms.csv'),
    'zh,en\n对外友协,Association for Friendship with Foreign Countries\n',
  );
  const added = await runCli(['tm', 'add', 'doc.txt', '--db', 'tm.db'], { cwd: dir });
  expect(added.code).toBe(0);
  copyFileSync(join(dir, 'tm.db'), join(dir, 'bitext-tm.db'));
  return dir;
}

/** Every file of a folder with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
  );
}

async function expectRefused(argv: string[], out: string, options: { dir?: string; shown?: string } = {}) {
  const dir = options.dir ?? (await workspace());
  const before = snapshot(dir);
  const { code, stdout, stderr } = await runCli(argv, { cwd: dir });
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toBe(
    `bitext: -o ${out} is one of the inputs${options.shown ?? ''}; refusing to overwrite it\n`,
  );
  expect(snapshot(dir)).toEqual(before);
}

describe('-o onto an input or the database is refused', () => {
  it('align: the document, also through ./ and a hard link, and either of two files', async () => {
    await expectRefused(['align', 'doc.txt', '-o', 'doc.txt'], 'doc.txt');
    await expectRefused(['align', 'doc.txt', '--out', './doc.txt'], './doc.txt');
    const dir = await workspace();
    linkSync(join(dir, 'doc.txt'), join(dir, 'copy.txt'));
    await expectRefused(['align', 'doc.txt', '-o', 'copy.txt'], 'copy.txt', {
      dir,
      shown: ' (doc.txt, by a hard link)',
    });
    await expectRefused(['align', 'terms.csv', 'doc.txt', '-o', 'doc.txt'], 'doc.txt');
  });

  it('qa: the checked file, the termbase and the database', async () => {
    await expectRefused(['qa', 'doc.txt', '-o', 'doc.txt'], 'doc.txt');
    await expectRefused(['qa', 'doc.txt', '--termbase', 'terms.csv', '-o', 'terms.csv'], 'terms.csv');
    await expectRefused(['qa', 'doc.txt', '--db', 'tm.db', '-o', 'tm.db-wal'], 'tm.db-wal');
  });

  it('terms: the document, and the database before --save stores anything', async () => {
    await expectRefused(['terms', 'doc.txt', '-o', 'doc.txt'], 'doc.txt');
    await expectRefused(['terms', 'doc.txt', '--save', '--db', 'tm.db', '-o', 'tm.db'], 'tm.db');
    await expectRefused(['terms', 'list', '--db', 'tm.db', '-o', 'tm.db'], 'tm.db');
  });

  it('tm export: the default database, one named by --db, and its -wal and -shm files', async () => {
    await expectRefused(['tm', 'export', '-f', 'tsv', '-o', 'bitext-tm.db'], 'bitext-tm.db');
    await expectRefused(['tm', 'export', '--db', 'tm.db', '-o', './tm.db'], './tm.db');
    await expectRefused(['tm', 'export', '--db', 'tm.db', '-o', 'tm.db-shm'], 'tm.db-shm');
  });

  it('still writes an output that is no input', async () => {
    const dir = await workspace();
    const { code, stderr } = await runCli(['tm', 'export', '-f', 'tsv', '--db', 'tm.db', '-o', 'out.tsv'], {
      cwd: dir,
    });
    expect([code, stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'out.tsv'), 'utf8').split('\n').length).toBeGreaterThan(4);
  });
});
