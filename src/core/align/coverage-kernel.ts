import { createRequire } from 'node:module';
import { BitextError } from '../errors.js';
import { dataFileUrl } from '../lexicon/data-file.js';
import type { KeyedTokens } from './coverage.js';
import type { RangeCost } from './search.js';

const require = createRequire(import.meta.url);

/** One kind's tokens with their chances of being covered by unrelated text (coverage.ts). */
export interface KernelPart {
  tokens: KeyedTokens;
  weight: number;
  hit: number;
  zhLogMiss: Float64Array;
  enLogMiss: Float64Array;
}

/** The part of the WebAssembly API used here (the ES2023 lib this project compiles against has none). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

interface KernelExports {
  memory: { buffer: ArrayBuffer };
  alloc(bytes: number): number;
  addPart(
    zhTokenStart: number,
    zhKeyStart: number,
    zhKeys: number,
    enTokenStart: number,
    enKeys: number,
    zhLogMiss: number,
    enLogMiss: number,
    keyCount: number,
    weight: number,
    logHit: number,
    logMissHit: number,
  ): void;
  ready(zhSentences: number, enSentences: number): void;
  cost: RangeCost;
}

/**
 * The log and expm1 the kernel computes with are JavaScript's: AssemblyScript's own (musl's) differ
 * from V8's in the last bit of 1 log in 13, and the costs are then not the ones the TypeScript gave.
 */
const IMPORTS = {
  coverage: { hostLog: Math.log, hostExpm1: Math.expm1 },
  env: {
    abort: () => {
      throw new Error('coverage kernel aborted');
    },
  },
};

let compiled: object | undefined;

/** kernels/coverage.ts as `npm run build` compiled it, once per process. */
function kernelModule(): object {
  if (compiled) return compiled;
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const url = dataFileUrl('coverage.wasm');
  let bytes: Buffer;
  try {
    bytes = readFileSync(url);
  } catch {
    throw new BitextError('INTERNAL', `${url.pathname} is missing: run \`npm run build\` in bitext's folder`);
  }
  compiled = new WebAssembly.Module(bytes);
  return compiled;
}

/**
 * The summed coverage cost of `parts` (all of one document's sentences), scored by the WebAssembly
 * kernel (kernels/coverage.ts) in an instance of its own: the returned function is the instance's
 * export, called by the search with no JavaScript between.
 */
export function coverageKernel(parts: readonly KernelPart[]): RangeCost {
  const kernel = new WebAssembly.Instance(kernelModule(), IMPORTS).exports as unknown as KernelExports;
  // Each array is copied in as soon as it is allocated: an allocation may grow the memory, which
  // detaches views of the buffer before.
  const copied = (array: Int32Array | Float64Array): number => {
    const at = kernel.alloc(array.byteLength);
    new Uint8Array(kernel.memory.buffer, at, array.byteLength).set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
    return at;
  };
  for (const { tokens, weight, hit, zhLogMiss, enLogMiss } of parts) {
    kernel.addPart(
      copied(tokens.zhTokenStart),
      copied(tokens.zhKeyStart),
      copied(tokens.zhKeys),
      copied(tokens.enTokenStart),
      copied(tokens.enKeys),
      copied(zhLogMiss),
      copied(enLogMiss),
      tokens.keyCount,
      weight,
      Math.log(hit),
      Math.log(1 - hit),
    );
  }
  const { tokens } = parts[0]!;
  kernel.ready(tokens.zhTokenStart.length - 1, tokens.enTokenStart.length - 1);
  return kernel.cost;
}
