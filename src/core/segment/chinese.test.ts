import { describe, expect, it } from 'vitest';
import { splitSentences } from './index.js';

const cases: Array<[string, string[]]> = [
  ['plain', ['今天下雨。', '我们在家。']],
  ['question and exclamation', ['你去吗？', '去！', '走吧。']],
  ['marks together', ['真的吗？！', '不会吧。']],
  ['no split on commas, half-width ones too', ['4月14日,市政府外辦黨組成員王廣成率隊赴京,匯報工作。']],
  ['closing quote stays', ['他说：“好。”', '然后走了。']],
  ['inside an open quotation', ['他说：“你好。', '我走了。”', '然后离开。']],
  ['corner quotes', ['「你好嗎？」', '他問。']],
  ['closing bracket stays', ['（见附录。）', '下文从略。']],
  ['book title marks', ['我读了《三体》。', '很好看。']],
  ['quote then comma', ['“走！”，他喊道。']],
  ['semicolon does not split', ['他来了；她走了。']],
  ['colon does not split', ['原因如下：天气不好。']],
  ['ellipsis in speech', ['他说：“我……我不知道。”']],
  ['ellipsis closing speech', ['“我不知道……”', '他低下头。']],
  ['ellipsis in narration', ['远处传来歌声……', '他停下了脚步。']],
  ['ellipsis after a finished quotation', ['“那是传奇。” ……', '他们又谈了一会儿。']],
  ['ellipsis before a comma', ['他想……，还是算了。']],
  ['dash closing speech', ['“你为什么——”', '她没说完。']],
  ['decimal number', ['增长了3.5%。', '利润约3.5亿元。']],
  ['full-width digits', ['共１２３人。', '都到了。']],
  ['domain inside Chinese', ['例如Adornis.com主要销售奢华商品。']],
  ['U.S. before Chinese', ['U.S. 政府表示反对。']],
  ['Latin quotation inside', ['他引用了 To be or not to be. ', '然后沉默了。']],
  ['Latin sentences kept together', ['他说：“Hello. How are you?”然后离开。']],
  ['Yahoo! inside a sentence', ['Yahoo!公司宣布了消息。']],
  ['ASCII ! and ? after Han', ['你去吗?', '去!', '好。']],
  ['ASCII period after Han', ['他走了.', '然后呢。']],
  ['ASCII period after Han, a number next', ['销售范围扩大了.', '1999年,他增加了玩具.', '7.5亿元.']],
  ['domain after Han', ['他访问了新浪.com网站。']],
  ['straight quotes', ['他说:"好。"', '然后走了。']],
  ['spaced closing quote', ['“你不会摔交。 ”', '他道。']],
  ['spaces after stops', ['第一句。 ', '第二句。']],
  ['Traditional text', ['姜江副會長表示,受疫情影響。', '希望重慶市能用好資源。']],
  ['parentheses kept', ['史迪威研究中心(重慶史迪威博物館)負責人參與上述活動。']],
  ['half-width parenthesis after a stop', ['(2021年的計劃。)', '下一段。']],
  ['numbered heading', ['6. 片厂']],
  ['nested quotes', ['他说：“她说‘我走了。’”', '大家都笑了。']],
];

describe('splitSentences (Chinese)', () => {
  it.each(cases)('%s', (_name, sentences) => {
    expect(splitSentences(sentences.join(''), 'zh')).toEqual(sentences);
  });

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});
