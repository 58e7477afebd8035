import { execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/cli/run.js';
import { EXAMPLE_PATH, REPO_ROOT, readExample, runCli, tempDir } from './helpers.js';
import { buildDocx } from './support/docx.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs `bitext align FILE --out OUT` and checks the bad-input contract: exit 1, one line, no output. */
async function expectRefused(file: string, pattern: RegExp, extra: string[] = []) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.tsv`);
  const { code, stdout, stderr } = await runCli(['align', file, ...extra, '--out', out]);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return stderr;
}

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('bad input to bitext align', () => {
  it('names a missing file', async () => {
    await expectRefused(join(dir, 'nope.txt'), /nope\.txt: no such file/);
  });

  it('refuses an empty file and a file of blank lines', async () => {
    await expectRefused(write('empty.txt', ''), /empty\.txt.*empty/i);
    await expectRefused(write('blank.txt', '\n  \n\n'), /blank\.txt.*no Chinese or English text/);
  });

  it('refuses a binary file', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expectRefused(write('binary.bin', bytes), /binary\.bin.*binary/i);
  });

  it('refuses a file with only one language', async () => {
    const english = readExample().split('\n').slice(5).join('\n');
    await expectRefused(
      write('english.txt', english),
      /english\.txt: found only English paragraphs \(5\), no Chinese/,
    );
    const chinese = readExample().split('\n').slice(0, 5).join('\n');
    await expectRefused(
      write('chinese.txt', chinese),
      /chinese\.txt: found only Chinese paragraphs \(5\), no English/,
    );
  });

  it('names the byte offset of undecodable bytes in forced UTF-8', async () => {
    const good = new TextEncoder().encode('中文。\nEnglish.\n');
    const bad = new Uint8Array([...good, 0xff, 0xfe, 0x41]);
    await expectRefused(write('bad-utf8.txt', bad), new RegExp(`byte ${good.length}\\b`), [
      '--encoding',
      'utf-8',
    ]);
  });

  it('refuses --presplit with one file, and an unknown format, as usage errors', async () => {
    await expectRefused(write('doc.txt', readExample()), /--presplit needs two files/, ['--presplit']);
    const { code, stderr } = await runCli(['align', 'x.txt', '--format', 'docx']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/docx/);
  });

  it('stops reading a device that never ends at the size cap (stat says 0 bytes for it)', async () => {
    await expectRefused('/dev/zero', /^bitext: \/dev\/zero: is over 268435456 bytes, the most bitext reads/);
  });

  it('refuses /dev/null as empty, a directory, and a dangling symbolic link, by name', async () => {
    await expectRefused('/dev/null', /\/dev\/null \(byte 0\): the file is empty/);
    await expectRefused(dir, /: is a directory, not a text file$/m);
    symlinkSync(join(dir, 'deleted.txt'), join(dir, 'dangling.txt'));
    await expectRefused(
      join(dir, 'dangling.txt'),
      /dangling\.txt: is a symbolic link to .*deleted\.txt, which does not exist/,
    );
  });

  it('refuses an output that is a directory or lies under a file, with one line and exit 1', async () => {
    const doc = write('out-doc.txt', readExample());
    mkdirSync(join(dir, 'out-folder'));
    for (const [out, message] of [
      ['out-folder', 'out-folder: is a directory; give a file name'],
      [
        'out-doc.txt/x.tsv',
        'out-doc.txt/x.tsv: cannot create the file: a part of its path is not a directory',
      ],
    ]) {
      const result = await runCli(['align', doc, '-o', out!], { cwd: dir });
      expect([result.code, result.stdout, result.stderr]).toEqual([1, '', `bitext: ${message}\n`]);
    }
    expect(readdirSync(join(dir, 'out-folder'))).toEqual([]);
  });

  it('refuses a 50 MB single line quickly with a message, without crashing', async () => {
    const line = 'bitext '.repeat(Math.ceil((50 * 1024 * 1024) / 7));
    const started = Date.now();
    await expectRefused(write('one-line.txt', line), /one-line\.txt:1:1: a paragraph of \d+ characters/);
    // Not a speed target: a guard against a hang (the refusal happens before any splitting).
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('the bin shim', () => {
  const bin = join(REPO_ROOT, 'bin/bitext.js');
  // The shim runs compiled code, bundled per command: build first so it sees the current source.
  beforeAll(() => {
    execSync('npx tsc -p tsconfig.build.json && npx tsx scripts/bundle-cli.ts', {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
  }, 120_000);

  it('runs each command from its bundle, with the output the sources give', async () => {
    for (const command of COMMAND_NAMES)
      expect(existsSync(join(REPO_ROOT, `dist/bundle/${command}.cjs`)), command).toBe(true);
    // Each reaches the data files, jieba and the lexicons from the bundle's own folder.
    for (const argv of [
      ['align', EXAMPLE_PATH, '--format', 'jsonl'],
      ['qa', EXAMPLE_PATH, '--format', 'json'],
      ['terms', EXAMPLE_PATH, '--format', 'json'],
    ]) {
      const bundled = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8' });
      const sources = await runCli(argv);
      expect([bundled.status, bundled.stdout, bundled.stderr], argv[0]).toEqual([
        sources.code,
        sources.stdout,
        sources.stderr,
      ]);
      expect(bundled.stdout.length, argv[0]).toBeGreaterThan(100);
    }
    // A docx: its reader is imported dynamically, which code from the cache must still do.
    const paragraphs = readExample().split(/\n+/).filter(Boolean);
    const docx = write('bundle.docx', await buildDocx(paragraphs.map((paragraph) => ({ paragraph }))));
    const bundled = spawnSync(process.execPath, [bin, 'align', docx], { encoding: 'utf8' });
    const sources = await runCli(['align', docx]);
    expect([bundled.status, bundled.stdout, bundled.stderr]).toEqual([0, sources.stdout, '']);
    expect(sources.stdout.split('\n').length).toBeGreaterThan(5);
  });

  // A Node before 20.19 cannot `require` the ES-module packages a bundle imports: it runs dist/.
  const loadsBundles = (process.features as { require_module?: boolean }).require_module === true;
  it.skipIf(!loadsBundles)(
    'compiles the bundles of align, qa and terms from the code cache the build made',
    () => {
      // In a fresh Node with the flags the shim sets, as the build made them.
      const script = `
      const { prepareCommand } = await import('./dist/cli/load-bundle.js');
      console.log(JSON.stringify(prepareCommand(process.argv[1])?.cacheRejected));`;
      for (const command of ['align', 'qa', 'terms']) {
        const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, command], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        });
        expect(out.trim(), command).toBe('false');
      }
    },
  );

  it('exits 0 with help, 1 with a one-line error and no stack trace', () => {
    const help = spawnSync(process.execPath, [bin, 'align', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const missing = spawnSync(process.execPath, [bin, 'align', 'missing.txt'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('bitext: missing.txt: no such file\n');
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // Output far larger than a pipe buffer, so the writer is still writing when `head` exits.
    const big = write('big.txt', Array.from({ length: 60 }, () => readExample()).join('\n'));
    const command = `"${process.execPath}" "${bin}" align "${big}" --format jsonl | head -c 1 >/dev/null`;
    const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(result.stderr).toBe(''); // an EPIPE crash prints its stack trace here
  });

  it('stops reading stdin that never ends at the size cap', () => {
    const zero = openSync('/dev/zero', 'r');
    const result = spawnSync(process.execPath, [bin, 'align', '-'], {
      stdio: [zero, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'bitext: <stdin>: is over 268435456 bytes, the most bitext reads per document (reading stopped there)\n',
    );
  });

  it('says "permission denied" for an unreadable input and an unwritable output, exit 1', () => {
    // As root every file is readable, so the CLI runs as an unprivileged user (nobody) there.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    chmodSync(dir, 0o711); // others may pass through the test's folder (mkdtemp made it 0700)
    const shared = mkdtempSync(join(dir, 'perm-'));
    chmodSync(shared, 0o755); // and enter this one and list it, but not create files in it
    const secret = join(shared, 'secret.txt');
    writeFileSync(secret, readExample());
    chmodSync(secret, 0o000);
    const unreadable = spawnSync(process.execPath, [bin, 'align', secret], { encoding: 'utf8', ...user });
    expect([unreadable.status, unreadable.stderr]).toEqual([1, `bitext: ${secret}: permission denied\n`]);
    const out = join(shared, 'out.tsv');
    const unwritable = spawnSync(process.execPath, [bin, 'align', EXAMPLE_PATH, '-o', out], {
      encoding: 'utf8',
      ...user,
    });
    expect([unwritable.status, unwritable.stderr]).toEqual([1, `bitext: ${out}: permission denied\n`]);
    expect(readdirSync(shared)).toEqual(['secret.txt']);
  });

  describe('killed while `tm export -o` writes', () => {
    const db = join(dir, 'signals.db');
    beforeAll(async () => {
      // Large enough that the export is still writing when the test sees its temporary file.
      const rows = Array.from(
        { length: 20_000 },
        (_, i) => `第${i}号文件已经送达外事办公室\tDocument ${i} has arrived\n`,
      );
      const tsv = write('signals.tsv', rows.join(''));
      expect((await runCli(['tm', 'import', tsv, '--db', db])).code).toBe(0);
    }, 60_000);

    /** Starts the export, sends `signal` once its temporary file exists, and reports the outcome. */
    const interruptExport = (signal: 'SIGINT' | 'SIGTERM', folder: string) =>
      interrupt(
        ['tm', 'export', '--db', db, '-o', 'out.tmx'],
        /^\.out\.tmx\.[0-9a-f]+\.tmp$/,
        signal,
        folder,
      );

    /** Starts `args` in `folder`, sends `signal` once a file named as `temporary` is there, and reports the outcome. */
    async function interrupt(
      args: string[],
      temporary: RegExp,
      signal: 'SIGINT' | 'SIGTERM',
      folder: string,
    ) {
      const child = spawn(process.execPath, [bin, ...args], { cwd: folder });
      let stderr = '';
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      let running = true;
      void exited.then(() => (running = false));
      let sawTemp = false;
      while (running && !sawTemp) {
        sawTemp = readdirSync(folder).some((f) => temporary.test(f));
        if (!sawTemp) await new Promise((wake) => setTimeout(wake, 2));
      }
      if (!sawTemp)
        throw new Error(`${args[1]} ended before its temporary file was seen: make the input larger`);
      child.kill(signal);
      return { code: await exited, stderr };
    }

    it('SIGINT during the import that creates a TM: no TM, no temporary file, exits 130', async () => {
      const folder = mkdtempSync(join(dir, 'new-tm-'));
      const tsv = join(dir, 'signals.tsv');
      const { code, stderr } = await interrupt(
        ['tm', 'import', tsv, '--db', 'new.db'],
        /^\.new\.db\.\d+-[0-9a-f]+\.new$/,
        'SIGINT',
        folder,
      );
      expect(code).toBe(130);
      expect(stderr).toBe('bitext: interrupted by SIGINT\n');
      expect(readdirSync(folder)).toEqual([]);
    });

    it('SIGTERM: removes the temporary file, creates no target, exits 143 with one line', async () => {
      const folder = mkdtempSync(join(dir, 'term-'));
      const { code, stderr } = await interruptExport('SIGTERM', folder);
      expect(code).toBe(143);
      expect(stderr).toBe('bitext: interrupted by SIGTERM\n');
      expect(readdirSync(folder)).toEqual([]);
    });

    it('SIGINT: removes the temporary file, leaves the old target as it was, exits 130', async () => {
      const folder = mkdtempSync(join(dir, 'int-'));
      writeFileSync(join(folder, 'out.tmx'), 'the previous export');
      const { code, stderr } = await interruptExport('SIGINT', folder);
      expect(code).toBe(130);
      expect(stderr).toBe('bitext: interrupted by SIGINT\n');
      expect(readdirSync(folder)).toEqual(['out.tmx']);
      expect(readFileSync(join(folder, 'out.tmx'), 'utf8')).toBe('the previous export');
    });
  });

  it('aligns the bundled example end to end', () => {
    const result = spawnSync(process.execPath, [bin, 'align', 'examples/press-release.txt'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(5);
  });
});

describe('two files', () => {
  it('refuses swapped sides and two files of one language', async () => {
    const lines = readExample().split('\n');
    const zh = write('side-zh.txt', lines.slice(0, 5).join('\n'));
    const en = write('side-en.txt', lines.slice(5).join('\n'));
    const swapped = await runCli(['align', en, zh]);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toMatch(
      /side-en\.txt is English and .*side-zh\.txt is Chinese: give the Chinese file first/,
    );
    const same = await runCli(['align', zh, zh]);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/side-zh\.txt: expected English text, found Chinese/);
  });
});
