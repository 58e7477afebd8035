import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers.js';

const run = promisify(execFile);

/** Node with tsx's loader, by path: the processes may run in temporary folders with no node_modules. */
export const SOURCE_CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'test/support/cli-entry.ts'),
];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI from the sources in a process of its own (for races between real processes), in `cwd`,
 * with BITEXT_DB cleared unless `env` sets it. Resolves with its exit code and output.
 */
export async function cliProcess(
  argv: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...SOURCE_CLI, ...argv], {
      cwd: options.cwd,
      env: { ...process.env, BITEXT_DB: '', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
