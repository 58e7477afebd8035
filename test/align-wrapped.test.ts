import { describe, expect, it } from 'vitest';
import { alignDocument } from '../src/core/document.js';

// A plain-text file wrapped at a fixed width (an e-mail, a text export, a book from Project
// Gutenberg): its paragraphs are blocks of lines between blank lines. Our own sentences.
const ZH = [
  '市政府今天召开新闻发布会，介绍了今年的经济工作。',
  '今年前三个季度，全市生产总值增长了百分之六。',
  '工业生产保持稳定，新的工厂陆续投入使用。',
  '外贸出口比去年同期增长了百分之十。',
  '市长表示，政府将继续支持中小企业的发展。',
  '今年全市新建了十二所学校和三家医院。',
  '城市公共交通网络也在不断完善。',
  '两条新的地铁线路将于明年年底开通。',
  '环境保护工作取得了明显进展。',
  '全年空气质量优良天数超过三百天。',
  '河流和湖泊的水质也有了很大改善。',
  '市政府还加大了对农村地区的投资。',
  '许多村庄修建了新的道路和桥梁。',
  '农民的收入比去年提高了百分之八。',
  '旅游业在疫情之后迅速恢复。',
  '今年前十个月，全市接待游客两千万人次。',
  '博物馆和公园每天都吸引大量市民参观。',
  '文化活动丰富了市民的业余生活。',
  '市政府还举办了国际友好城市交流活动。',
  '来自二十个国家的代表参加了这次活动。',
  '双方同意在教育和科技领域加强合作。',
  '明年，政府将重点发展数字经济和绿色产业。',
  '市长希望全体市民共同努力，建设更加美好的城市。',
  '发布会结束后，记者们还参观了新建的科技园区。',
];
const EN = [
  "The city government held a press conference today to present this year's economic work.",
  "In the first three quarters of this year, the city's GDP grew by six percent.",
  'Industrial production remained stable, and new factories were put into use one after another.',
  'Foreign trade exports rose by ten percent over the same period last year.',
  'The mayor said that the government would continue to support the development of small and medium-sized enterprises.',
  'This year the city built twelve new schools and three hospitals.',
  "The city's public transport network is also being improved.",
  'Two new subway lines will open at the end of next year.',
  'Clear progress has been made in environmental protection.',
  'Air quality was good on more than three hundred days of the year.',
  'The water quality of rivers and lakes has also greatly improved.',
  'The city government also increased its investment in rural areas.',
  'Many villages have built new roads and bridges.',
  "Farmers' incomes rose by eight percent compared with last year.",
  'Tourism recovered quickly after the epidemic.',
  'In the first ten months of this year, the city received twenty million tourists.',
  'Museums and parks attract many residents every day.',
  'Cultural activities have enriched the leisure life of residents.',
  'The city government also held exchange activities with international sister cities.',
  'Representatives from twenty countries took part in the event.',
  'Both sides agreed to strengthen cooperation in education and science and technology.',
  'Next year the government will focus on developing the digital economy and green industries.',
  'The mayor hoped that all residents would work together to build a better city.',
  'After the press conference, the reporters also visited the newly built science park.',
];

/** Paragraphs of four sentences, each wrapped at `width` characters, blank lines between. */
function wrap(sentences: readonly string[], width: number, join: string): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < sentences.length; p += 4) {
    const text = sentences.slice(p, p + 4).join(join);
    const lines: string[] = [];
    let line = '';
    for (const word of join === '' ? [...text] : text.split(' ')) {
      const next = line === '' ? word : `${line}${join}${word}`;
      if (line !== '' && next.length > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
    paragraphs.push(lines.join('\n'));
  }
  return paragraphs.join('\n\n');
}

describe('a hard-wrapped plain text', () => {
  const zh = wrap(ZH, 30, '');
  const en = wrap(EN, 70, ' ');

  it('is read a paragraph a block of lines: every sentence whole, every pair right', () => {
    // Every paragraph is wrapped over several lines, on both sides.
    for (const text of [zh, en]) expect(text.split('\n\n').every((p) => p.includes('\n'))).toBe(true);
    const document = alignDocument({ zh, en });
    expect(document.pairs.map((pair) => [pair.zh, pair.en])).toEqual(
      ZH.map((sentence, i) => [sentence, EN[i]]),
    );
  });

  it('says where each sentence is: the line it starts on, its column there, its end across the breaks', () => {
    const document = alignDocument({ zh, en });
    for (const [side, text] of [
      [document.zh, zh],
      [document.en, en],
    ] as const) {
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (const sentence of side) {
        const { line, start, end } = sentence.source!;
        const from = lineStarts[line! - 1]!;
        const squeeze = (s: string) => s.replace(/\s+/g, '');
        expect(squeeze(text.slice(from + start, from + end))).toBe(squeeze(sentence.text));
        expect(text.slice(from + start).startsWith(sentence.text.slice(0, 3))).toBe(true);
      }
    }
  });

  it('starts a paragraph at an indented line where no blank line separates them', () => {
    const indented = zh.replace(/\n\n/g, '\n　　');
    const document = alignDocument({ zh: `　　${indented}`, en });
    expect(new Set(document.zh.map((s) => s.paragraph)).size).toBe(ZH.length / 4);
    expect(document.pairs.map((pair) => pair.zh)).toEqual(ZH);
  });

  it('in a file of both languages, joins the lines of the wrapped language only', () => {
    const chinese = Array.from({ length: ZH.length / 4 }, (_, p) => ZH.slice(4 * p, 4 * p + 4).join('')).join(
      '\n',
    );
    const document = alignDocument({ combined: `${chinese}\n\n${en}` });
    expect(document.layout).toBe('blocks');
    expect(document.pairs.map((pair) => [pair.zh, pair.en])).toEqual(
      ZH.map((sentence, i) => [sentence, EN[i]]),
    );
    expect(new Set(document.zh.map((s) => s.paragraph)).size).toBe(ZH.length / 4);
  });

  it('leaves a text of a sentence per line, and a presplit one, a line a sentence', () => {
    const lines = alignDocument({ zh: ZH.join('\n'), en: EN.join('\n') });
    expect(lines.zh.map((s) => s.paragraph)).toEqual(ZH.map((_, i) => i));
    const presplit = alignDocument({ zh: wrap(ZH, 30, ''), en: wrap(EN, 70, ' ') }, { presplit: true });
    expect(presplit.zh.length).toBe(zh.split('\n').filter((l) => l.trim()).length);
  });
});
