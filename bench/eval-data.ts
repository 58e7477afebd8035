import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IdBead, parseAlignFile } from '../src/core/align/score.js';

/** One gold document of an evaluation set: sentences one per line and the gold beads. */
export interface GoldDocument {
  name: string;
  zh: string[];
  en: string[];
  gold: IdBead[];
}

export const EVAL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/eval');

/** Reads every NAME.zh/NAME.en/NAME.align triple of a directory (never re-splitting lines). */
export function readGoldDirectory(dir: string): GoldDocument[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.align'))
    .map((f) => f.slice(0, -'.align'.length))
    .filter((name) => existsSync(path.join(dir, `${name}.zh`)) && existsSync(path.join(dir, `${name}.en`)))
    .sort();
  return names.map((name) => ({
    name,
    zh: readLines(path.join(dir, `${name}.zh`)),
    en: readLines(path.join(dir, `${name}.en`)),
    gold: parseAlignFile(readFileSync(path.join(dir, `${name}.align`), 'utf8'), `${name}.align`),
  }));
}

function readLines(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
