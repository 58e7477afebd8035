import { describe, expect, it } from 'vitest';
import { lineShapes } from './line-shapes.js';

describe('lineShapes', () => {
  it('recognises Chinese metadata lines by their form', () => {
    expect(
      lineShapes(
        [
          '發布時間：2021-04-15　來源：市政府外辦',
          '2019年3月2日 08:15　来源：本报',
          '（责任编辑：周敏）',
          '记者：李华',
          '图为参会代表在会场合影。',
          '▲ 市民在江边散步',
          '市民在江边散步（王磊 摄）',
        ],
        'zh',
      ),
    ).toEqual(['dateline', 'dateline', 'byline', 'byline', 'caption', 'caption', 'caption']);
  });

  it('recognises English credits and bylines', () => {
    expect(
      lineShapes(['Photo: Li Wei/Xinhua', '(Photo by John Smith)', 'Source: Reuters', 'By Jane Doe'], 'en'),
    ).toEqual(['credit', 'credit', 'credit', 'credit']);
  });

  it('leaves running text alone, dates and labels inside sentences included', () => {
    expect(
      lineShapes(
        [
          '4月14日,市政府外辦黨組成員王廣成率隊赴全國對外友協匯報工作。',
          '他说：“来源不明的消息不要信。”',
          '我们回家吧',
        ],
        'zh',
      ),
    ).toEqual([undefined, undefined, undefined]);
    expect(
      lineShapes(
        ['By the time he came home it was dark.', 'Photographs of the city hung on the wall.'],
        'en',
      ),
    ).toEqual([undefined, undefined]);
  });

  it('takes a short paragraph of one sentence without final punctuation for a heading', () => {
    const zh = ['市外辦赴京匯報工作', '王廣成匯報了工作情況。', '天黑了', '我們回家吧。'];
    // Paragraphs: the title alone; then one paragraph of three sentences.
    expect(lineShapes(zh, 'zh', [0, 1, 1, 1])).toEqual(['heading', undefined, undefined, undefined]);
    // Without paragraphs nothing is a heading.
    expect(lineShapes(zh, 'zh')).toEqual([undefined, undefined, undefined, undefined]);
    expect(lineShapes(['BEZOS’ REVOLUTION', 'It began in a garage.'], 'en', [0, 1])).toEqual([
      'heading',
      undefined,
    ]);
  });
});
