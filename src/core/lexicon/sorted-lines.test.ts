import { describe, expect, it } from 'vitest';
import { SortedLines, sortLinesByKey } from './sorted-lines.js';

const bytesOf = (lines: string[], separator: string) =>
  new TextEncoder().encode(`# header\n${sortLinesByKey(lines, separator).join('\n')}\n`);

describe('SortedLines: a dictionary file searched in its bytes', () => {
  // Keys in several scripts, a key that is a prefix of others, a supplementary-plane character.
  const lines = [
    '老师\tteacher',
    '老\told',
    'a\tletter',
    '老师傅\tmaster',
    '𠀀\trare',
    '行\trow line',
    '个\t',
  ];
  const table = new SortedLines(bytesOf(lines, '\t'), 0x09);

  it('finds every key and only whole keys', () => {
    for (const line of lines) {
      const [key, value] = line.split('\t');
      const at = table.find(key!);
      expect(at).toBeGreaterThanOrEqual(table.firstLine);
      expect(table.value(at)).toBe(value);
    }
    for (const missing of ['老师傅们', '师', '', 'b', '老老']) expect(table.find(missing)).toBe(-1);
    expect(table.header()).toBe('# header');
  });

  it('gives the span of the lines whose keys start with a prefix', () => {
    const [start, end] = table.range('老');
    const text = new TextDecoder().decode(table.bytes.subarray(start, end));
    expect(text.trim().split('\n').sort()).toEqual(['老\told', '老师\tteacher', '老师傅\tmaster']);
    const [none, noneEnd] = table.range('王');
    expect(noneEnd - none).toBe(0);
  });
});
