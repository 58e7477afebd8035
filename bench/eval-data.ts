import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GoldDocument, readGoldDirectory } from '../src/cli/commands/eval.js';

export type { GoldDocument } from '../src/cli/commands/eval.js';

/** The gold data lives outside the repository (copyrighted): ../shared/eval from the repo root. */
export const EVAL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/eval');

export const DEV_SETS = ['mac-dev', 'bfsu-nonlit-dev'] as const;

/** The documents of a dev set, or undefined (with the reason) when the data is absent. */
export async function readDevSet(name: string): Promise<GoldDocument[] | undefined> {
  const dir = path.join(EVAL_ROOT, name);
  if (!existsSync(dir)) return undefined;
  return readGoldDirectory(dir);
}

/** The gold sentence pairs of a dev set (each gold bead's sentences joined), or undefined when absent. */
export async function readGoldPairs(name: string): Promise<Array<{ zh: string; en: string }> | undefined> {
  const documents = await readDevSet(name);
  return documents?.flatMap((document) =>
    document.gold.map((bead) => ({
      zh: bead.zh.map((i) => document.zh[i] ?? '').join(''),
      en: bead.en.map((i) => document.en[i] ?? '').join(' '),
    })),
  );
}
