/**
 * Compiles the AssemblyScript kernels in kernels/ into WebAssembly in data/ (data/<name>.wasm), which
 * src/core/kernels.ts loads. Run by `npm run build`; `tsx scripts/build-kernels.ts` alone rebuilds
 * them. Written through a temporary file and a rename: a killed build leaves no
 * half-written module for the aligner to load.
 *
 * Options: -O3 with --noAssert (the kernels check their own inputs' shapes on the host side), and
 * the stub runtime: an instance scores one cost and is dropped with it, so memory is never freed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The kernels, each with the options of its own: the lattice calls the bead cost the host puts in a
 * function table it imports (env.table).
 */
const KERNELS: Record<string, string[]> = {
  agreement: [],
  coverage: [],
  'cost-sum': [],
  lattice: ['--importTable'],
  length: [],
  model1: [],
};

mkdirSync(path.join(root, 'data'), { recursive: true });
for (const [name, options] of Object.entries(KERNELS)) {
  let binary: Uint8Array | undefined;
  const { error, stderr } = await asc.main(
    [
      path.join(root, 'kernels', `${name}.ts`),
      '-O3',
      '--noAssert',
      '--runtime',
      'stub',
      ...options,
      '-o',
      `${name}.wasm`,
    ],
    {
      writeFile: (file, contents) => {
        if (file.endsWith('.wasm') && typeof contents !== 'string') binary = contents;
      },
    },
  );
  if (error || !binary) {
    console.error(stderr.toString());
    throw new Error(`kernels/${name}.ts did not compile: ${error?.message ?? 'no output'}`);
  }
  await writeFileAtomic(path.join(root, 'data', `${name}.wasm`), binary);
  console.log(`data/${name}.wasm: ${binary.length} bytes`);
}
