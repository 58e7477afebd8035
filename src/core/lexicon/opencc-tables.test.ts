import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as OpenCcModule from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { openBuiltSortedDataFile } from './data-file.js';
import { changingCharacters, StagedConverter, stagePlan, stagesIn } from './opencc-tables.js';
import { buildOpenCcTablesFromOpenCcJs, toSimplified, toTraditional } from './script.js';
import { SortedLines } from './sorted-lines.js';

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

  it('leave a text with none of the changing characters as it is, as opencc-js does', () => {
    const table = new SortedLines(new TextEncoder().encode(buildOpenCcTablesFromOpenCcJs()), 0x09);
    const converter = new StagedConverter(table, stagePlan(table).h!);
    // Simplified text, and characters that only phrases change (沈 of 沈思, 覆 of 反覆, 瞭 of 明瞭).
    const texts = [
      '他在沈阳反复思考这个问题，一目了然。',
      '意志消沉的人沉思往事，明了一切。',
      '这个软件的发布时间是后天，干部们都在。',
      '反覆思量，沈思往事，明瞭一切，找藉口。',
      '頭髮和發展，後來的皇后。',
      'Plain ASCII, no Han at all.',
    ];
    // The sample's Chinese in stretches of 8 characters (a phrase cut in two is converted as opencc-js does).
    const chinese = SAMPLE.split('\n')
      .filter((line) => /\p{Script=Han}/u.test(line))
      .join('');
    const pieces = Array.from({ length: Math.ceil(chinese.length / 8) }, (_, i) =>
      chinese.slice(8 * i, 8 * i + 8),
    );
    const simplified = pieces.map((piece) => simplify(piece));
    // Texts that stay as they are, until the converter reads its list; a Traditional text never made it.
    for (const line of simplified) converter.convert(line);
    expect(simplified.length).toBeGreaterThan(64);
    expect(converter.scansForChanges).toBe(true);
    for (const text of [...texts, ...pieces, ...simplified])
      expect(converter.convert(text), text).toBe(simplify(text));
    const traditional = new StagedConverter(table, stagePlan(table).h!);
    for (const piece of pieces) traditional.convert(piece);
    expect(traditional.scansForChanges).toBe(false);
  });

  it('list, for each config, a character of every entry that changes a text', () => {
    const lines = buildOpenCcTablesFromOpenCcJs().split('\n');
    const plan = stagesIn(lines[0]!)!;
    const changing = new Map<string, Set<string>>();
    for (const line of lines) if (line[1] === '~') changing.set(line[0]!, new Set(line.slice(3)));
    for (const [letter, stages] of Object.entries(plan)) {
      const chars = changing.get(letter)!;
      expect(chars.size, letter).toBeGreaterThan(1000);
      const kinds = new Map(stages.map((stage) => [stage.id, stage.kind]));
      let checked = 0;
      for (const line of lines.slice(1)) {
        const id = /^[a-z]\d+/.exec(line)?.[0];
        if (!id || !kinds.has(id) || kinds.get(id) === 'segment') continue;
        const [key = '', target] = line.split('\t');
        const source = key.slice(id.length);
        if (source === target) continue;
        checked++;
        if (![...source].some((c) => chars.has(c)))
          expect.fail(`${letter}: ${source} → ${target} holds none`);
      }
      expect(checked, letter).toBeGreaterThan(1000);
    }
  });

  it('choose, for a phrase, the character it changes', () => {
    expect(
      changingCharacters([
        ['發', '发'],
        ['一目瞭然', '一目了然'],
        ['頭髮', '头发'],
      ]),
    ).toBe('發瞭頭');
  });

  it('read the lists whole from the built file, page by page, as the build wrote them', () => {
    const built = openBuiltSortedDataFile('opencc.txt', (header) => stagesIn(header) !== undefined);
    expect(built, 'npm run build writes data/opencc.txt').toBeDefined();
    const lines = buildOpenCcTablesFromOpenCcJs().split('\n');
    for (const letter of ['h', 't', 'c']) {
      const expected = lines.find((line) => line.startsWith(`${letter}~\t`))!.slice(3);
      expect(built!.value(built!.find(`${letter}~`)), letter).toBe(expected);
    }
  });
});
