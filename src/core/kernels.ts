import { createRequire } from 'node:module';
import { BitextError } from './errors.js';
import { dataFileUrl } from './lexicon/data-file.js';

const require = createRequire(import.meta.url);

/**
 * The WebAssembly kernels compiled ahead of time from kernels/ (AssemblyScript) into data/ by
 * `npm run build`. Why: in a fresh process V8 compiles hot JavaScript anew at every run, and runs it
 * unoptimised until then; a kernel is compiled once, at build time, and V8 only translates it.
 */
export type KernelName = 'agreement' | 'coverage' | 'cost-sum' | 'lattice' | 'length' | 'model1';

/** The part of the WebAssembly API used here (the ES2023 lib this project compiles against has none). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Table: new (descriptor: { element: 'anyfunc'; initial: number }) => FunctionTable;
}

/** A WebAssembly table of functions: what a kernel calls by index (call_indirect). */
export interface FunctionTable {
  /** Only a kernel's export may be set: a JavaScript function is not a WebAssembly function. */
  set(index: number, value: unknown): void;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

/** What every kernel exports: its memory, and an allocator in it that never frees. */
export interface KernelMemory {
  memory: { buffer: ArrayBuffer };
  alloc(bytes: number): number;
}

const compiled = new Map<KernelName, object>();

function kernelModule(name: KernelName): object {
  let module = compiled.get(name);
  if (module) return module;
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const url = dataFileUrl(`${name}.wasm`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(url);
  } catch {
    throw new BitextError('INTERNAL', `${url.pathname} is missing: run \`npm run build\` in bitext's folder`);
  }
  try {
    module = new WebAssembly.Module(bytes);
  } catch (error) {
    throw new BitextError(
      'INTERNAL',
      `${url.pathname} is not a module this Node can load (${(error as Error).message}): run \`npm run build\` in bitext's folder`,
    );
  }
  compiled.set(name, module);
  return module;
}

/**
 * A new instance of a kernel, with memory of its own: each scores or trains one thing and is dropped
 * with it. Its imports are `imports` (by module name), with an `env.abort` that throws.
 */
export function instantiateKernel<E extends KernelMemory>(
  name: KernelName,
  imports: Record<string, object> = {},
): E {
  const env = {
    abort: () => {
      throw new Error(`kernel ${name} aborted`);
    },
    ...imports.env,
  };
  return new WebAssembly.Instance(kernelModule(name), { ...imports, env }).exports as E;
}

/** A table of `size` functions for a kernel that imports one (env.table). */
export function functionTable(size: number): FunctionTable {
  return new WebAssembly.Table({ element: 'anyfunc', initial: size });
}

/**
 * Copies `array` into the kernel's memory and returns where. Each array is copied as soon as it is
 * allocated: an allocation may grow the memory, which detaches the views of the buffer before.
 */
export function copyIn(kernel: KernelMemory, array: Int32Array | Float64Array): number {
  const at = kernel.alloc(array.byteLength);
  new Uint8Array(kernel.memory.buffer, at, array.byteLength).set(
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
  );
  return at;
}

/** A copy of `length` 32-bit integers at `at` in the kernel's memory. */
export function int32sOut(kernel: KernelMemory, at: number, length: number): Int32Array {
  return new Int32Array(kernel.memory.buffer, at, length).slice();
}

/** A copy of `length` doubles at `at` in the kernel's memory. */
export function float64sOut(kernel: KernelMemory, at: number, length: number): Float64Array {
  return new Float64Array(kernel.memory.buffer, at, length).slice();
}
