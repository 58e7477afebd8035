import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { BitextError } from '../core/errors.js';
import type { PairFormat } from '../formats/pairs.js';

// Which documents a batch aligns, and where each one's output goes. A document is one bilingual
// file, or two files named NAME.zh.EXT and NAME.en.EXT side by side (any EXT the CLI reads).

/** One unit of batch work: what `bitext align` would be given, and where its output goes. */
export interface BatchDocument {
  /** The document's key in the report: its path under IN_DIR (`sub/a.txt`, `sub/b.{zh,en}.html`). */
  id: string;
  /** Paths as `bitext align` would be given them (IN_DIR as given + the path under it): one or two (zh, en). */
  inputs: string[];
  /** Output path under OUT_DIR as given. */
  output: string;
}

/** Extensions of the files a batch takes as documents: those `bitext align` reads. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt',
  '.text',
  '.md',
  '.html',
  '.htm',
  '.xhtml',
  '.shtml',
  '.docx',
  '.docm',
  '.dotx',
  '.dotm',
  '.xlsx',
  '.xlsm',
  '.xltx',
  '.xltm',
  '.csv',
  '.pdf',
  '.tmx',
  '.xlf',
  '.xliff',
  '.sdlxliff',
  '.mqxliff',
  '.xml',
]);

/** A file the batch saw and did not take, with why (reported, never an error). */
export interface SkippedFile {
  id: string;
  reason: string;
}

export interface BatchPlan {
  documents: BatchDocument[];
  skipped: SkippedFile[];
}

/** `NAME.zh.EXT` / `NAME.en.EXT`: the two sides of one document. */
const SIDE_FILE = /^(.+)\.(zh|en)(\.[^.]+)$/i;

/**
 * Lists the documents under `inDir` (recursively, in path order) and names their outputs under
 * `outDir`. Refuses an OUT_DIR inside (or equal to) IN_DIR: its outputs would be read as documents
 * on the next run. Hidden files and folders are not documents.
 */
export async function planBatch(
  inDir: string,
  outDir: string,
  format: PairFormat,
  cwd: string,
): Promise<BatchPlan> {
  const inReal = await realDirectory(inDir, cwd);
  const outReal = await realPathOfMaybeMissing(resolve(cwd, outDir));
  if (outReal === inReal || outReal.startsWith(inReal + sep)) {
    throw new BitextError(
      'USAGE',
      `--out ${outDir} is inside the input folder ${inDir}; its outputs would be read as documents: choose a folder outside it`,
    );
  }
  const files = (await listFiles(inReal, '')).sort();
  const skipped: SkippedFile[] = [];
  const taken = new Set<string>();
  const documents: BatchDocument[] = [];
  const byRel = new Set(files);
  for (const rel of files) {
    if (taken.has(rel)) continue;
    const extension = extname(rel).toLowerCase();
    if (!DOCUMENT_EXTENSIONS.has(extension)) {
      skipped.push({
        id: rel,
        reason: `not a document format bitext reads (${extension || 'no extension'})`,
      });
      continue;
    }
    const side = SIDE_FILE.exec(basename(rel));
    const partner = side ? findPartner(rel, side, byRel, taken) : undefined;
    if (side && partner) {
      const [zh, en] = side[2]!.toLowerCase() === 'zh' ? [rel, partner] : [partner, rel];
      taken.add(rel).add(partner);
      const stem = join(dirname(rel), side[1]!);
      documents.push({
        id: `${stem}.{zh,en}${extname(rel)}`,
        inputs: [join(inDir, zh), join(inDir, en)],
        output: stem,
      });
    } else {
      taken.add(rel);
      documents.push({ id: rel, inputs: [join(inDir, rel)], output: rel.slice(0, -extension.length) });
    }
  }
  nameOutputs(documents, outDir, format);
  return { documents, skipped };
}

/** The other side's file: same folder and NAME, the other language, any document extension. */
function findPartner(
  rel: string,
  side: RegExpExecArray,
  files: ReadonlySet<string>,
  taken: ReadonlySet<string>,
): string | undefined {
  const other = side[2]!.toLowerCase() === 'zh' ? 'en' : 'zh';
  const same = join(dirname(rel), `${side[1]}.${other}${side[3]}`);
  if (files.has(same) && !taken.has(same)) return same;
  const prefix = join(dirname(rel), `${side[1]}.${other}.`);
  return [...files].find(
    (f) => f.startsWith(prefix) && !taken.has(f) && DOCUMENT_EXTENSIONS.has(extname(f).toLowerCase()),
  );
}

/**
 * OUT_DIR/PATH.FORMAT, PATH being the document's path under IN_DIR less its extension. Two documents
 * that would share a name (a.txt and a.html) both keep their extension (a.txt.tsv, a.html.tsv), so
 * the names do not depend on which is found first.
 */
function nameOutputs(documents: BatchDocument[], outDir: string, format: PairFormat): void {
  const counts = new Map<string, number>();
  for (const d of documents) counts.set(d.output, (counts.get(d.output) ?? 0) + 1);
  for (const d of documents) {
    const stem = (counts.get(d.output) ?? 0) > 1 ? d.id.replace('{zh,en}', 'zh-en') : d.output;
    d.output = join(outDir, `${stem}.${format}`);
  }
}

async function listFiles(root: string, under: string): Promise<string[]> {
  const entries = await readdir(join(root, under), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const rel = under ? join(under, entry.name) : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) files.push(rel);
    else if (entry.isSymbolicLink()) {
      const info = await stat(join(root, rel)).catch(() => undefined);
      if (info?.isFile()) files.push(rel);
    }
  }
  return files;
}

async function realDirectory(dir: string, cwd: string): Promise<string> {
  const full = resolve(cwd, dir);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new BitextError('USAGE', 'no such folder', { file: dir });
  if (!info.isDirectory())
    throw new BitextError('USAGE', 'is not a folder (batch takes a folder of documents)', { file: dir });
  return realpath(full);
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor's, plus the rest. */
async function realPathOfMaybeMissing(full: string): Promise<string> {
  const real = await realpath(full).catch(() => undefined);
  if (real) return real;
  const parent = dirname(full);
  if (parent === full) return full;
  return join(await realPathOfMaybeMissing(parent), basename(full));
}
