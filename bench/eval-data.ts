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
