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
// Not run here: the examples that need a Redis queue or start a long-running server, each covered by
// its own test:
//   bitext batch /shared/corpus --out /shared/aligned --queue redis://queue:6379 --wait --tm postgres://…
//     src/cli/commands/worker.test.ts ("two workers do the jobs…", --queue --wait; "a worker killed
//     mid-job…", --queue --tm)
//   bitext worker --queue redis://queue.example:6379 [--concurrency 2]
//     src/cli/commands/worker.test.ts (workers started with --queue; none yet with --concurrency)
//   bitext serve, BITEXT_TOKEN=secret bitext serve --port 9000, bitext serve --db postgres://… --host 0.0.0.0
//     src/cli/commands/serve.test.ts ("prints a ?token= link…", "takes the admin token from $BITEXT_TOKEN…";
//     none yet on PostgreSQL or --host)

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

const program = buildProgram(memoryIo().io);

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

/** Commands whose --help is built by options.ts (withExamples), which records each example's exit code. */
const BUILT_BY_OPTIONS = /^(align|eval|tm|terms|qa)\b/;
/** Commands whose --help examples are text in their own file (batch.ts, filter.ts, token.ts): exit 0 each. */
const OWN_HELP_TEXT = /^(batch|filter|token)\b/;
/** Examples run elsewhere (see the top): a Redis queue. worker and serve match neither list above. */
const NEEDS_QUEUE = /\s--queue\b/;

function runsHere(argv: string): boolean {
  return (BUILT_BY_OPTIONS.test(argv) || OWN_HELP_TEXT.test(argv)) && !NEEDS_QUEUE.test(argv);
}

const helpExamples = await Promise.all(
  allCommands(program)
    .filter((c) => BUILT_BY_OPTIONS.test(c.name) || OWN_HELP_TEXT.test(c.name))
    .map(async ({ name, command }) => {
      const recorded = examplesOf(command);
      return (await helpExampleLines(name))
        .filter((line) => runsHere(steps(line)[0]?.argv.join(' ') ?? ''))
        .map((line) => ({ name, command: line, exit: recorded.find((e) => e.command === line)?.exit ?? 0 }));
    }),
).then((lists) => lists.flat());

describe('examples in --help', () => {
  it('every command of align, eval, tm, terms and qa shows examples, as recorded in options.ts', async () => {
    for (const { name, command } of allCommands(program).filter((c) => BUILT_BY_OPTIONS.test(c.name))) {
      const examples = examplesOf(command).map((e) => e.command);
      expect({ name, examples: examples.length > 0 }).toEqual({ name, examples: true });
      expect(await helpExampleLines(name)).toEqual(examples);
    }
  });

  it('batch, filter and token show examples, and all but the queue ones are run here', async () => {
    for (const name of ['batch', 'filter', 'token']) {
      const shown = await helpExampleLines(name);
      expect({ name, shown: shown.length > 0 }).toEqual({ name, shown: true });
      expect(helpExamples.filter((e) => e.name === name).map((e) => e.command)).toEqual(
        shown.filter((line) => !NEEDS_QUEUE.test(line)),
      );
    }
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
function readmeExamples(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const lines: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g))
    for (const line of block[1]!.split('\n')) {
      const found = steps(line);
      if (found.length > 0 && found.every((step) => runsHere(step.argv.join(' ')))) lines.push(line);
    }
  return lines;
}

describe('examples in the README', () => {
  it('has some', () => {
    expect(readmeExamples().length).toBeGreaterThan(0);
  });
  it.each(readmeExamples())(
    '%s',
    async (line) => {
      expectShown(await runExample(asRun(line)), 0, line);
    },
    60_000,
  );
});
