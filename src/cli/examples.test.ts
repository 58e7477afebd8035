import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/helpers.js';
import { buildDocx } from '../../test/support/docx.js';
import { pressReleasePdf } from '../../test/support/pdf.js';
import { SAMPLE_EN, SAMPLE_LINES, SAMPLE_ZH } from '../../test/support/sample.js';
import { allCommands } from './cli-reference.js';
import { memoryIo } from './io.js';
import { examplesOf } from './options.js';
import { buildProgram, run } from './run.js';

// Every example shown in the README and in each --help, run as shown on the bundled press release
// (examples/press-release.txt). The files the examples name (page.html, release.docx, memory.tmx…)
// are made from it first, by bitext itself or by the test builders, in a workspace each example gets
// a fresh copy of. Each must succeed (or end with the exit code its example says) and show a result:
// output on stdout or in the file it writes, never an empty "no matches".
//
// Not run here: the examples that need a Redis queue or start a long-running server. Each is run by
// the test named in ELSEWHERE, and a test below fails when an example is neither run here nor listed.

/** Examples run by another test, by that test's file. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  // "two workers do the jobs…" (--queue --wait) and "a worker killed mid-job…" (--queue --tm postgres://).
  'bitext batch /shared/corpus --out /shared/aligned --queue redis://queue:6379 --wait --tm postgres://tm@db/tm':
    'src/cli/commands/worker.test.ts',
  'bitext worker --queue redis://queue.example:6379': 'src/cli/commands/worker.test.ts',
  'bitext worker --queue redis://queue.example:6379 --concurrency 2': 'src/cli/commands/worker.test.ts',
  'bitext serve': 'src/cli/commands/serve.test.ts',
  'BITEXT_TOKEN=secret bitext serve --port 9000': 'src/cli/commands/serve.test.ts',
  'bitext serve --db postgres://bitext@db.example/tm --host 0.0.0.0': 'src/cli/commands/serve.test.ts',
};

/** One shell step: argv after `bitext`, standard input from `cat FILE |`, stdout into `> FILE`. */
interface Step {
  argv: string[];
  stdin?: string;
  redirect?: string;
}

/** Splits a command line as a POSIX shell would for the quoting examples use ("…" and '…'). */
function words(line: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(pattern)) out.push(m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3]!);
  return out;
}

/** An example's steps: `a && b`, `cat F | bitext …`, `bitext … > F`; steps that are not bitext are left out. */
function steps(line: string): Step[] {
  return line
    .replace(/\s+#.*$/, '')
    .split(' && ')
    .map((part) => part.trim().replace(/^node bin\/bitext\.js /, 'bitext '))
    .filter((part) => /^(cat \S+ \| )?bitext /.test(part))
    .map((part) => {
      const piped = /^cat (\S+) \| (.*)$/.exec(part);
      let rest = piped ? piped[2]! : part;
      const redirect = / > (\S+)$/.exec(rest);
      if (redirect) rest = rest.slice(0, redirect.index);
      return { argv: words(rest).slice(1), stdin: piped?.[1], redirect: redirect?.[1] };
    });
}

let template: string;
/** The id of the token the workspace's `token create` made (see `asRun`). */
let tokenId: string;

/**
 * The line as run: `bitext token revoke 3f9a12bc` names an id as `token list` shows it, and ids are
 * random (made by `token create`), so the example's id is replaced by the workspace token's.
 */
function asRun(line: string): string {
  return line.replace(/\b3f9a12bc\b/, tokenId);
}

async function cli(cwd: string, argv: string[], stdin?: Uint8Array) {
  const memory = memoryIo({ cwd, stdin, env: {} });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdoutBytes(), stderr: memory.stderr() };
}

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'bitext-examples-'));
  cpSync(join(REPO_ROOT, 'examples'), join(template, 'examples'), { recursive: true });
  writeFileSync(join(template, 'zh.txt'), `${SAMPLE_ZH.join('\n')}\n`);
  writeFileSync(join(template, 'en.txt'), `${SAMPLE_EN.join('\n')}\n`);
  writeFileSync(
    join(template, 'page.html'),
    `<!DOCTYPE html><html><head><title>${SAMPLE_ZH[0]!.slice(0, 20)}</title></head><body>` +
      '<nav><a href="/">首頁</a> <a href="/en">English</a></nav><article>' +
      SAMPLE_LINES.map((p) => `<p>${p}</p>`).join('') +
      '</article><footer>© Foreign Affairs Office of Chongqing</footer></body></html>',
  );
  writeFileSync(
    join(template, 'release.docx'),
    await buildDocx(SAMPLE_LINES.map((paragraph) => ({ paragraph }))),
  );
  writeFileSync(join(template, 'release.pdf'), pressReleasePdf(SAMPLE_LINES).pdf);
  // corpus/ for `bitext batch`: the press release, and a document in two files, NAME.zh.txt + NAME.en.txt.
  mkdirSync(join(template, 'corpus'));
  cpSync(join(REPO_ROOT, 'examples/press-release.txt'), join(template, 'corpus/press-release.txt'));
  writeFileSync(join(template, 'corpus/release.zh.txt'), `${SAMPLE_ZH.join('\n')}\n`);
  writeFileSync(join(template, 'corpus/release.en.txt'), `${SAMPLE_EN.join('\n')}\n`);
  const sample = 'examples/press-release.txt';
  for (const argv of [
    ['align', sample, '--out', 'pairs.tsv'],
    ['align', sample, '--format', 'tmx', '--out', 'memory.tmx'],
    ['align', sample, '--format', 'xlsx', '--out', 'pairs.xlsx'],
    ['terms', sample, '--format', 'csv', '--out', 'glossary.csv'],
    ['terms', sample, '--format', 'tbx', '--out', 'terms.tbx'],
    ['terms', sample, '--out', 't.tsv'],
    // The default TM (./bitext-tm.db) holds the sample, and its termbase the sample's terms.
    ['tm', 'add', sample],
    ['terms', sample, '--save'],
    ['align', sample, '--format', 'jsonl', '--out', 'pairs.jsonl'],
    // aligned/ is a finished batch output folder (what `bitext filter aligned/` reads).
    ['batch', 'corpus/', '--out', 'aligned/'],
  ]) {
    const { code, stderr } = await cli(template, argv);
    expect(stderr.replace(/^termbase: .*\n/, '')).toBe('');
    expect(code).toBe(0);
  }
  const config = await cli(template, ['filter', '--print-config']);
  expect(config.code).toBe(0);
  writeFileSync(join(template, 'filter.json'), config.stdout);
  // A token in ./bitext-serve, for `token list` to show and `token revoke` to revoke.
  const created = await cli(template, ['token', 'create', '--role', 'editor', '--label', 'Li Na']);
  expect(created.code).toBe(0);
  tokenId = /^created token (\S+) /.exec(created.stderr)![1]!;
}, 120_000);

/** Runs an example in a fresh copy of the workspace; returns its exit code and what it showed. */
async function runExample(line: string): Promise<{ code: number; shown: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-example-'));
  cpSync(template, dir, { recursive: true });
  let last = { code: 0, shown: '', stderr: '' };
  for (const step of steps(line)) {
    const stdin = step.stdin ? readFileSync(join(dir, step.stdin)) : undefined;
    const { code, stdout, stderr } = await cli(dir, step.argv, stdin);
    if (step.redirect) writeFileSync(join(dir, step.redirect), stdout);
    // What a file output holds counts as shown: `--out F` and `> F`.
    const outIndex = step.argv.findIndex((a) => a === '--out' || a === '-o');
    const outFile = outIndex >= 0 ? step.argv[outIndex + 1] : step.redirect;
    // A file, not a folder of that name (`filter --out corpus --format moses` writes corpus.zh, corpus.en).
    const outPath = outFile ? join(dir, outFile) : undefined;
    const written =
      outPath && existsSync(outPath) && statSync(outPath).isFile() && statSync(outPath).size > 0
        ? `[${outFile}]`
        : '';
    last = { code, shown: step.redirect ? written : stdout.toString('utf8') + written, stderr };
    if (code !== 0) break;
  }
  return last;
}

function expectShown(result: { code: number; shown: string; stderr: string }, exit: number, line: string) {
  expect({ line, code: result.code, stderr: result.code === exit ? '' : result.stderr }).toEqual({
    line,
    code: exit,
    stderr: '',
  });
  expect(result.shown.trim(), line).not.toBe('');
  expect(result.shown, line).not.toMatch(/^no (matches|hits|documents)\b/m);
}

const program = await buildProgram(memoryIo().io);

/** The `$ …` lines of a command's --help, as shown. */
async function helpExampleLines(name: string): Promise<string[]> {
  const memory = memoryIo();
  await run([...name.split(' '), '--help'], memory.io);
  return memory
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('  $ '))
    .map((l) => l.slice(4).split(/ {3,}/)[0]!.trim());
}

/** Examples that run here: not a queue, not a server (those are in ELSEWHERE). */
const NEEDS_QUEUE = /\s--queue\b/;
const STARTS_SERVER = /^serve\b/;

function runsHere(argv: string): boolean {
  return !NEEDS_QUEUE.test(argv) && !STARTS_SERVER.test(argv);
}

const helpExamples = await Promise.all(
  allCommands(program).map(async ({ name, command }) => {
    const recorded = examplesOf(command);
    return (await helpExampleLines(name))
      .filter((line) => {
        const first = steps(line)[0];
        return first !== undefined && runsHere(first.argv.join(' '));
      })
      .map((line) => ({ name, command: line, exit: recorded.find((e) => e.command === line)?.exit ?? 0 }));
  }),
).then((lists) => lists.flat());

describe('examples in --help', () => {
  it('every command shows examples, as recorded in options.ts', async () => {
    for (const { name, command } of allCommands(program)) {
      // A command with subcommands (tm, terms, token) shows them in its subcommands' help instead.
      const examples = examplesOf(command).map((e) => e.command);
      if (command.commands.length > 0 && examples.length === 0) continue;
      expect({ name, examples: examples.length > 0 }).toEqual({ name, examples: true });
      expect(await helpExampleLines(name)).toEqual(examples);
    }
  });

  it('every example is run here or by the test ELSEWHERE names, which runs it', async () => {
    const all = allCommands(program).flatMap(({ command }) => examplesOf(command).map((e) => e.command));
    const ranHere = new Set(helpExamples.map((e) => e.command));
    for (const line of all) {
      const where = ranHere.has(line) ? 'here' : ELSEWHERE[line];
      expect({ line, where }).toEqual({ line, where: expect.any(String) });
      if (where !== 'here') {
        // The other test runs it: its flags, in that order, appear on one of its command lines.
        const flags = line.split(' ').filter((w) => w.startsWith('--'));
        const source = readFileSync(join(REPO_ROOT, where!), 'utf8');
        for (const flag of flags)
          expect({ line, flag, found: source.includes(`'${flag}'`) }).toEqual({ line, flag, found: true });
      }
    }
    expect(Object.keys(ELSEWHERE).filter((line) => !all.includes(line))).toEqual([]);
  });

  it.each(helpExamples.map((e) => [e.name, e.command, e.exit] as const))(
    '%s: %s',
    async (_name, command, exit) => {
      expectShown(await runExample(asRun(command)), exit, command);
    },
    60_000,
  );
});

/** The bitext lines of the README's ```sh blocks (its usage synopses are in plain ``` blocks). */
function readmeLines(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n'));
}

function readmeExamples(): string[] {
  return readmeLines().filter((line) => {
    const found = steps(line);
    return found.length > 0 && found.every((step) => runsHere(step.argv.join(' ')));
  });
}

/** The README's bitext steps that are not run here (a server, a queue): each must be one ELSEWHERE runs. */
function readmeStepsRunElsewhere(): string[] {
  return readmeLines()
    .flatMap(steps)
    .map((step) => ['bitext', ...step.argv].join(' '))
    .filter((command) => !runsHere(command.replace(/^bitext /, '')));
}

describe('examples in the README', () => {
  it('has some', () => {
    expect(readmeExamples().length).toBeGreaterThan(0);
  });
  it('runs the rest elsewhere: a server or a queue, as another test does', () => {
    const elsewhere = readmeStepsRunElsewhere();
    expect(elsewhere).toContain('bitext serve');
    for (const command of elsewhere)
      expect({ command, elsewhere: command in ELSEWHERE }).toEqual({ command, elsewhere: true });
  });
  it.each(readmeExamples())(
    '%s',
    async (line) => {
      expectShown(await runExample(asRun(line)), 0, line);
    },
    60_000,
  );
});
