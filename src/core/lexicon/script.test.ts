import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectScript, toSimplified, toTraditional } from './script.js';

const sample = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/press-release.txt'),
  'utf8',
);

describe('detectScript', () => {
  it('reads the Traditional sample as Traditional and its Simplified folding as Simplified', () => {
    expect(detectScript(sample)).toBe('traditional');
    expect(detectScript(toSimplified(sample))).toBe('simplified');
    expect(detectScript(toTraditional(toSimplified(sample)))).toBe('traditional');
  });

  it('decides by which folding changes more characters', () => {
    // 干部 → 幹部 and 头发 → 頭髮 under phrase rules; a text mixing both scripts goes by the count.
    expect(detectScript('干部的头发')).toBe('simplified');
    expect(detectScript('幹部的頭髮')).toBe('traditional');
    expect(detectScript('幹部的頭髮和干部的头发、头发')).toBe('simplified');
    expect(detectScript('no Chinese at all')).toBe('simplified');
  });
});
