/** Where in the user's input something is wrong. Every field is optional; give what is known. */
export interface InputLocation {
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** 0-based byte offset in the file. */
  offset?: number;
}

/**
 * An error in the user's input or usage: the CLI prints `message` as one line and exits 1.
 * Anything else thrown is an internal fault (exit 2). Branch on `code`, never on the message.
 */
export class BitextError extends Error {
  override readonly name = 'BitextError';
  constructor(
    readonly code: string,
    message: string,
    readonly location: InputLocation = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The message prefixed with `file:line:column` (or `file: byte N`) where those are known. */
  describe(): string {
    const { file, line, column, offset } = this.location;
    const where: string[] = [];
    if (file) where.push(file);
    if (line !== undefined) where.push(String(line));
    if (line !== undefined && column !== undefined) where.push(String(column));
    let prefix = where.join(':');
    if (line === undefined && offset !== undefined) prefix += `${prefix ? ' ' : ''}(byte ${offset})`;
    return prefix ? `${prefix}: ${this.message}` : this.message;
  }
}

export function isBitextError(error: unknown): error is BitextError {
  return error instanceof BitextError;
}
