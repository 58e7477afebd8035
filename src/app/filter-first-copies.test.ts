import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFirstCopyContract } from '../core/filter/first-copies.contract.js';
import { SqliteFirstCopies } from './filter-first-copies.js';

runFirstCopyContract('SQLite, temporary', () => new SqliteFirstCopies());

/** The files this process holds open that SQLite made for a temporary database (etilqs_…). */
function sqliteTemporaryFiles(): string[] {
  const links: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      links.push(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // Closed meanwhile (the readdir's own descriptor).
    }
  }
  return links.filter((link) => link.includes('etilqs_'));
}

describe.runIf(process.platform === 'linux')('SqliteFirstCopies on disk', () => {
  it('spills past its cache into a file held unlinked (nothing to leave behind, even on kill -9), gone on close', () => {
    const before = sqliteTemporaryFiles().length;
    const index = new SqliteFirstCopies(256);
    for (let key = 0; key < 200_000; key++) index.findOrRemember('exact', key * 7919, key);
    const open = sqliteTemporaryFiles();
    expect(open.length).toBeGreaterThan(before);
    expect(open.every((link) => link.endsWith('(deleted)'))).toBe(true);
    expect(index.find('exact', 7919 * 123_456)).toBe(123_456);
    index.close();
    expect(sqliteTemporaryFiles().length).toBe(before);
  });
});
