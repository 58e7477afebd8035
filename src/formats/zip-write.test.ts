import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeZip } from './zip-write.js';

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('writeZip', () => {
  it('writes entries another reader opens with their content whole: pieces, empty, UTF-8 names', async () => {
    // Over a piece (256 Ki characters) several times, with text that repeats and text that does not.
    const big = Array.from({ length: 60_000 }, (_, i) => `行${i} row ${(i * 7919) % 10007}\n`).join('');
    async function* pieces() {
      for (let at = 0; at < big.length; at += 10_000) yield big.slice(at, at + 10_000);
    }
    const zip = await JSZip.loadAsync(
      await bytesOf(
        writeZip([
          { name: 'a.txt', content: 'hello' },
          { name: 'empty.txt', content: '' },
          { name: 'dir/大.txt', content: pieces() },
        ]),
      ),
      { checkCRC32: true },
    );
    expect(Object.keys(zip.files)).toEqual(['a.txt', 'empty.txt', 'dir/大.txt']);
    expect(await zip.file('a.txt')!.async('string')).toBe('hello');
    expect(await zip.file('empty.txt')!.async('string')).toBe('');
    expect(await zip.file('dir/大.txt')!.async('string')).toBe(big);
  });
});
