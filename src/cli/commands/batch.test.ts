import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../../test/helpers.js';
import { SOURCE_CLI } from '../../../test/support/cli-process.js';
import { SAMPLE_EN, SAMPLE_ZH } from '../../../test/support/sample.js';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

const newDir = tempDirsPerTest('bitext-batch-');

async function cli(cwd: string, ...argv: string[]) {
  const memory = memoryIo({ cwd });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/**
 * Distinct bilingual documents cut from the sample: document i holds paragraphs i..i+k of each side,
 * so each aligns to its own pairs.
 */
function sampleDocument(i: number): string {
  const k = 2 + (i % 3);
  const start = i % (SAMPLE_ZH.length - 1);
  const zh = SAMPLE_ZH.slice(start, start + k);
  const en = SAMPLE_EN.slice(start, start + k);
  return `${zh.join('\n')}\n\n${en.join('\n')}\n`;
}

function writeCorpus(root: string): void {
  mkdirSync(join(root, 'in/news/2021'), { recursive: true });
  writeFileSync(join(root, 'in/a.txt'), sampleDocument(0));
  writeFileSync(join(root, 'in/news/b.txt'), sampleDocument(1));
  writeFileSync(join(root, 'in/news/2021/c.html'), htmlDocument(2));
  // A document in two files, one per language.
  writeFileSync(join(root, 'in/news/d.zh.txt'), `${SAMPLE_ZH.join('\n')}\n`);
  writeFileSync(join(root, 'in/news/d.en.txt'), `${SAMPLE_EN.join('\n')}\n`);
  writeFileSync(join(root, 'in/notes.jpg'), 'not a document');
}

function htmlDocument(i: number): string {
  const [zh, en] = sampleDocument(i).split('\n\n') as [string, string];
  const paragraphs = [...zh.trim().split('\n'), ...en.trim().split('\n')]
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${paragraphs}</body></html>`;
}

function report(root: string, out = 'out'): Array<Record<string, unknown>> {
  return readFileSync(join(root, out, 'batch-report.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** TMX carries its creation time; two runs a second apart differ only there. */
function withoutCreationDate(tmx: string): string {
  return tmx.replace(/creationdate="[^"]*"/, 'creationdate=""');
}

// Real processes, worker threads and a kill: minutes when the machine is shared, not seconds.
describe('bitext batch', { timeout: 300_000 }, () => {
  it.each(['tsv', 'jsonl', 'tmx', 'align'])(
    'writes, for every document, what `bitext align` gives for it (--format %s)',
    async (format) => {
      const root = newDir();
      writeCorpus(root);
      const batch = await cli(root, 'batch', 'in', '--out', 'out', '--format', format, '--jobs', '2');
      expect(batch.stderr).toBe('');
      expect(batch.code).toBe(0);
      expect(batch.stdout).toMatch(/^4 documents: 4 done, 0 failed; \d+ pairs/);
      const expected: Array<[string, string[]]> = [
        [`out/a.${format}`, ['in/a.txt']],
        [`out/news/b.${format}`, ['in/news/b.txt']],
        [`out/news/2021/c.${format}`, ['in/news/2021/c.html']],
        [`out/news/d.${format}`, ['in/news/d.zh.txt', 'in/news/d.en.txt']],
      ];
      for (const [output, inputs] of expected) {
        const align = await cli(root, 'align', ...inputs, '--format', format);
        expect(align.code).toBe(0);
        const written = readFileSync(join(root, output), 'utf8');
        if (format === 'tmx') expect(withoutCreationDate(written)).toBe(withoutCreationDate(align.stdout));
        else expect(written).toBe(align.stdout);
        expect(written.length).toBeGreaterThan(0);
      }
      const records = report(root);
      expect(records.map((r) => [r['document'], r['status']])).toEqual([
        ['a.txt', 'done'],
        ['news/2021/c.html', 'done'],
        ['news/b.txt', 'done'],
        ['news/d.{zh,en}.txt', 'done'],
        ['notes.jpg', 'skipped'],
      ]);
      const d = records.find((r) => r['document'] === 'news/d.{zh,en}.txt')!;
      expect(d['pairs']).toBe(5);
      expect(d['meanConfidence']).toBeGreaterThan(0.5);
      expect(typeof d['ms']).toBe('number');
    },
  );

  it('reports a bad document with its reason, finishes the others, and exits 1 listing it', async () => {
    const root = newDir();
    writeCorpus(root);
    writeFileSync(join(root, 'in/binary.txt'), Buffer.from([0x50, 0x4b, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]));
    writeFileSync(join(root, 'in/english-only.txt'), `${SAMPLE_EN.join('\n')}\n`);
    writeFileSync(join(root, 'in/broken.docx'), 'not a zip package');
    const batch = await cli(root, 'batch', 'in', '--out', 'out', '--jobs', '2');
    expect(batch.code).toBe(1);
    expect(batch.stdout).toMatch(/^7 documents: 4 done, 3 failed/);
    expect(batch.stderr).toMatch(/^ {2}binary\.txt: in\/binary\.txt.*binary/m);
    expect(batch.stderr).toMatch(/^ {2}english-only\.txt: .+/m);
    expect(batch.stderr).toMatch(/^ {2}broken\.docx: in\/broken\.docx.+/m);
    expect(batch.stderr).toMatch(/bitext: 3 of 7 documents failed/);
    const failed = report(root).filter((r) => r['status'] === 'failed');
    expect(failed.map((r) => r['document'])).toEqual(['binary.txt', 'broken.docx', 'english-only.txt']);
    for (const r of failed) expect(String(r['reason'])).not.toMatch(/internal error/);
    expect(existsSync(join(root, 'out/a.tsv'))).toBe(true);
    expect(existsSync(join(root, 'out/binary.tsv'))).toBe(false);
  });

  it('skips the documents an earlier run finished, redoes a changed one, and --force redoes all', async () => {
    const root = newDir();
    writeCorpus(root);
    expect((await cli(root, 'batch', 'in', '--out', 'out', '--jobs', '1')).code).toBe(0);
    const first = readFileSync(join(root, 'out/a.tsv'), 'utf8');
    writeFileSync(join(root, 'in/news/b.txt'), sampleDocument(3));
    const again = await cli(root, 'batch', 'in', '--out', 'out', '--jobs', '1');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^4 documents: 4 done \(3 from an earlier run\)/);
    const records = report(root);
    expect(records.filter((r) => r['resumed']).map((r) => r['document'])).toEqual([
      'a.txt',
      'news/2021/c.html',
      'news/d.{zh,en}.txt',
    ]);
    expect(readFileSync(join(root, 'out/a.tsv'), 'utf8')).toBe(first);
    expect(readFileSync(join(root, 'out/news/b.tsv'), 'utf8')).toBe(
      (await cli(root, 'align', 'in/news/b.txt')).stdout,
    );
    const forced = await cli(root, 'batch', 'in', '--out', 'out', '--force', '--jobs', '1');
    expect(forced.stdout).toMatch(/^4 documents: 4 done, 0 failed/);
  });

  it('resumes after the process is killed with SIGKILL mid-run: outputs whole or absent, the rest done', async () => {
    const root = newDir();
    mkdirSync(join(root, 'in'));
    const count = 16;
    for (let i = 0; i < count; i++)
      writeFileSync(join(root, `in/doc${String(i).padStart(2, '0')}.txt`), sampleDocument(i));
    const child: ChildProcess = spawn(
      process.execPath,
      [...SOURCE_CLI, 'batch', 'in', '--out', 'out', '--jobs', '1', '--progress', 'json'],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let events = '';
    const killed = new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        events += chunk.toString();
        const done = [...events.matchAll(/"done":(\d+)/g)].map((m) => Number(m[1]));
        if ((done.at(-1) ?? 0) >= 3) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(events))));
    });
    await killed;
    const finished = readFileSync(join(root, 'out/batch-report.jsonl'), 'utf8').trim().split('\n').length;
    expect(finished).toBeGreaterThanOrEqual(3);
    expect(finished).toBeLessThan(count);
    // Every output there is whole: it is exactly what align gives.
    const outputs = readdirSync(join(root, 'out')).filter((f) => f.endsWith('.tsv'));
    for (const output of outputs) {
      const align = await cli(root, 'align', `in/${output.replace(/\.tsv$/, '.txt')}`);
      expect(readFileSync(join(root, 'out', output), 'utf8')).toBe(align.stdout);
    }
    // What a kill in the middle of a write leaves (the kill above may or may not have): the rerun
    // removes its own outputs' temporary files, and leaves other files alone.
    const orphans = ['.doc15.tsv.0123456789ab.tmp', '.batch-report.jsonl.abcdef012345.tmp'];
    const others = ['.notes.txt.0123456789ab.tmp', 'doc15.tsv.0123456789ab.tmp', '.doc14.tsv.tmp'];
    for (const name of [...orphans, ...others]) writeFileSync(join(root, 'out', name), 'half');
    const resumed = await cli(root, 'batch', 'in', '--out', 'out', '--jobs', '2');
    expect(resumed.code).toBe(0);
    const left = readdirSync(join(root, 'out'));
    expect(left.filter((f) => f.endsWith('.tmp') && !others.includes(f))).toEqual([]);
    for (const name of others) expect(left).toContain(name);
    const skipped = Number(/\((\d+) from an earlier run\)/.exec(resumed.stdout)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(finished);
    expect(resumed.stdout).toMatch(new RegExp(`^${count} documents: ${count} done`));
    const records = report(root);
    expect(records).toHaveLength(count);
    expect(records.every((r) => r['status'] === 'done')).toBe(true);
    for (let i = 0; i < count; i++) {
      const name = `doc${String(i).padStart(2, '0')}`;
      expect(readFileSync(join(root, `out/${name}.tsv`), 'utf8')).toBe(
        (await cli(root, 'align', `in/${name}.txt`)).stdout,
      );
    }
  });

  it('with --tm stores each document once: a forced second run adds nothing', async () => {
    const root = newDir();
    writeCorpus(root);
    const first = await cli(root, 'batch', 'in', '--out', 'out', '--tm', 'corpus.db', '--jobs', '2');
    expect(first.code).toBe(0);
    const stored = report(root).filter((r) => r['status'] === 'done');
    const added = stored.reduce((n, r) => n + (r['tm'] as { added: number }).added, 0);
    // The documents share sentences (cut from one sample): the TM keeps each pair once.
    expect(added).toBeGreaterThanOrEqual(5);
    const stats = JSON.parse(
      (await cli(root, 'tm', 'stats', '--db', 'corpus.db', '--format', 'json')).stdout,
    );
    expect(stats).toMatchObject({ documents: 4, units: added });
    const second = await cli(root, 'batch', 'in', '--out', 'out', '--tm', 'corpus.db', '--force');
    expect(second.code).toBe(0);
    for (const r of report(root).filter((r) => r['status'] === 'done'))
      expect(r['tm']).toMatchObject({ added: 0, alreadyPresent: true });
    const after = JSON.parse(
      (await cli(root, 'tm', 'stats', '--db', 'corpus.db', '--format', 'json')).stdout,
    );
    expect(after).toMatchObject({ documents: 4, units: added });
  });

  it('draws a progress bar on a terminal, and JSON progress events with --progress json', async () => {
    const root = newDir();
    writeCorpus(root);
    const terminal = memoryIo({ cwd: root, stderrIsTTY: true });
    terminal.io.progressDelayMs = 0;
    expect(await run(['batch', 'in', '--out', 'out', '--jobs', '1'], terminal.io)).toBe(0);
    expect(terminal.stderr()).toMatch(/aligning \d+ pairs +\[.*\] +\d+% +\d\/4 documents/);
    const json = await cli(root, 'batch', 'in', '--out', 'out2', '--jobs', '1', '--progress', 'json');
    const events = json.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.at(-1)).toMatchObject({ event: 'progress', done: 4, total: 4, failed: 0 });
    expect(events.at(-1).pairs).toBeGreaterThan(0);
  });

  it('refuses an empty folder, a missing one, and an output folder inside the input folder', async () => {
    const root = newDir();
    mkdirSync(join(root, 'empty'));
    const empty = await cli(root, 'batch', 'empty', '--out', 'out');
    expect(empty).toMatchObject({ code: 1, stdout: '' });
    expect(empty.stderr).toBe('bitext: empty: no documents to align in this folder\n');
    const missing = await cli(root, 'batch', 'nowhere', '--out', 'out');
    expect(missing.stderr).toBe('bitext: nowhere: no such folder\n');
    writeCorpus(root);
    const inside = await cli(root, 'batch', 'in', '--out', 'in/aligned');
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/^bitext: --out in\/aligned is inside the input folder in;/);
    expect(existsSync(join(root, 'in/aligned'))).toBe(false);
    const same = await cli(root, 'batch', 'in', '--out', './in/');
    expect(same.code).toBe(1);
    const jobs = await cli(root, 'batch', 'in', '--out', 'out', '--jobs', '0');
    expect(jobs.stderr).toBe('bitext: --jobs must be an integer from 1 up, got "0"\n');
  });
});
