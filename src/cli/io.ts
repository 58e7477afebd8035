/**
 * What a command may touch of the outside world. The bin shim passes the real process streams; tests
 * pass buffers, so commands are tested in-process (textlint's `cli.execute(argv) → exit code` habit).
 */
export interface CliIo {
  /** Text, or bytes for binary formats (XLSX) when stdout is not a terminal. */
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown };
  /**
   * Reads all of standard input (for `-` as a file name), refusing it once more than `maxBytes`
   * have arrived: stdin may never end (`bitext align - < /dev/zero`).
   */
  readStdin(maxBytes: number): Promise<Uint8Array>;
  /** True when stdout is a terminal: only then colour (and NO_COLOR unset). */
  isTTY: boolean;
  /** True when stderr is a terminal: only then a progress bar. */
  stderrIsTTY?: boolean;
  /** Work that ends sooner draws no progress bar (default 300 ms; tests set 0). */
  progressDelayMs?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Told the size of each input a command reads; the real process tunes its JIT to the work ahead
   * (node-io.ts). Tests, which run commands in a shared process, leave it out.
   */
  inputRead?(bytes: number): void;
}

/** A CliIo that records output, for tests. */
export function memoryIo(
  options: {
    stdin?: Uint8Array | string;
    isTTY?: boolean;
    stderrIsTTY?: boolean;
    progressDelayMs?: number;
    env?: Record<string, string>;
    cwd?: string;
  } = {},
) {
  const stdout: Array<string | Uint8Array> = [];
  let stderr = '';
  const input = options.stdin ?? new Uint8Array();
  const io: CliIo = {
    stdout: { write: (chunk: string | Uint8Array) => stdout.push(chunk) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: async () => (typeof input === 'string' ? new TextEncoder().encode(input) : input),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    progressDelayMs: options.progressDelayMs,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return {
    io,
    stdout: () => stdout.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('latin1'))).join(''),
    /** What was written to stdout, as bytes (text as UTF-8). */
    stdoutBytes: () => Buffer.concat(stdout.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))),
    stderr: () => stderr,
  };
}
