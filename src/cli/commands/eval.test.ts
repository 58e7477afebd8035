import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE } from '../../core/align/index.js';
import { isBitextError } from '../../core/errors.js';
import { memoryIo } from '../io.js';
import { readGoldDirectory, registerEval } from './eval.js';

function goldDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitext-eval-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const zh = '老师来了。\n学生们在教室里安静地读书写字，外面的雨一直下个不停。\n天黑了。\n我们回家吧。\n';
const en =
  "The old teacher came in with a kind smile on her face.\nThe students read quietly, and it kept raining.\nNight came.\nLet's go home.\n";

async function runEval(args: string[]) {
  const memory = memoryIo();
  const program = new Command().exitOverride();
  registerEval(program, memory.io);
  await program.parseAsync(['eval', ...args], { from: 'user' });
  return memory;
}

describe('bitext eval', () => {
  it('scores each document and the pooled counts', async () => {
    const dir = goldDir({
      'a.zh': zh,
      'a.en': en,
      'a.align': '[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n',
      // Gold that disagrees with any sensible alignment in one bead: 3 of 4 can be right at best.
      'b.zh': zh,
      'b.en': en,
      'b.align': '[0,1]:[0,1]\n[2]:[2]\n[3]:[3]\n',
    });
    const memory = await runEval([dir, '--json']);
    const result = JSON.parse(memory.stdout());
    expect(result.documents.map((d: { name: string }) => d.name)).toEqual(['a', 'b']);
    expect(result.documents[0].strict.f1).toBe(1);
    const b = result.documents[1];
    expect(b.counts.strictCorrect).toBe(2);
    expect(result.pooled.counts.gold).toBe(7);
    expect(result.pooled.counts.strictCorrect).toBe(6);
    expect(result.pooled.strict.precision).toBe(6 / 8);
  });

  it('prints a table and honours --without', async () => {
    const dir = goldDir({ 'a.zh': zh, 'a.en': en, 'a.align': '[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n' });
    const memory = await runEval([dir, '--without', 'dictionary,learned']);
    expect(memory.stdout()).toMatch(/^evidence off: dictionary, learned\n/);
    expect(memory.stdout()).toMatch(/\npooled\s+4\s+4\s+4\s+\d+\s/);
    await expect(runEval([dir, '--without', 'magic'])).rejects.toSatisfy(
      (e: unknown) => isBitextError(e) && e.code === 'BAD_OPTION' && /magic/.test(e.message),
    );
  });

  it("takes --without's choices from the aligner's list of evidence", async () => {
    const help = new Command().exitOverride();
    registerEval(help, memoryIo().io);
    const flag = help.commands[0]!.options.find((o) => o.long === '--without')!;
    const names = DEFAULT_EVIDENCE.map((k) => k.name);
    expect(flag.description).toContain(names.join(', '));
    const dir = goldDir({ 'a.zh': zh, 'a.en': en, 'a.align': '[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n' });
    // Every kind can be switched off, and the result says which were on.
    const memory = await runEval([dir, '--json', '--without', names.join(',')]);
    const result = JSON.parse(memory.stdout());
    expect(result.evidence).toEqual(Object.fromEntries(names.map((n) => [n, false])));
  });

  it('rejects gold ids beyond the sentence files, naming file and line', async () => {
    const dir = goldDir({ 'a.zh': '一。\n', 'a.en': 'One.\n', 'a.align': '[0]:[0]\n[1]:[]\n' });
    await expect(readGoldDirectory(dir)).rejects.toSatisfy(
      (e: unknown) => isBitextError(e) && e.code === 'BAD_ALIGN_LINE' && e.location.line === 2,
    );
    await expect(readGoldDirectory(path.join(dir, 'nope'))).rejects.toSatisfy(
      (e: unknown) => isBitextError(e) && e.code === 'NOT_FOUND',
    );
  });
});
