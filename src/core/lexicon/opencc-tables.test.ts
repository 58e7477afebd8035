import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as OpenCcModule from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditional } from './script.js';

const openCcJs = createRequire(import.meta.url)('opencc-js') as typeof OpenCcModule;
const SAMPLE = readFileSync(new URL('../../../examples/press-release.txt', import.meta.url), 'utf8');

describe('OpenCC conversions from the prebuilt tables', () => {
  const simplify = openCcJs.Converter({ from: 'hk', to: 'cn' });
  const traditionalise = openCcJs.Converter({ from: 'cn', to: 'tw' });

  it('convert as opencc-js does, phrase by phrase, as texts bring new characters', () => {
    const texts = [
      ...SAMPLE.split('\n'),
      // Phrases whose conversion differs from their characters', and characters OpenCC normalises.
      '乾隆皇帝在乾清宮批閱奏摺，天乾物燥。',
      '頭髮和發展，後來的皇后。',
      '这个软件的发布时间是后天，乾坤未定，干部们都在。',
      '我們的著作著名於世，著急也沒用。',
      '彙報匯報，裏面裡面，台灣臺灣。',
    ];
    for (const text of texts) {
      expect(toSimplified(text), text).toBe(simplify(text));
      expect(toTraditional(text), text).toBe(traditionalise(text));
    }
    // Earlier texts convert the same after the tries have grown.
    for (const text of texts.slice(-5)) expect(toSimplified(text)).toBe(simplify(text));
  });
});
