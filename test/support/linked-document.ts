/** A small document whose words link the same way in every pair (CC-CEDICT and pinyin): the dropped- and added-clause tests' text. */
export const LINKED_DOCUMENT = [
  {
    zh: '他在北京买了一本书，然后回到了上海的家里。',
    en: 'He bought a book in Beijing, then returned to his home in Shanghai.',
  },
  {
    zh: '她在上海买了一辆汽车，然后开车回到了北京。',
    en: 'She bought a car in Shanghai, then drove back to Beijing.',
  },
  {
    zh: '我们在广州吃了一顿饭，然后坐火车去了深圳。',
    en: 'We had a meal in Guangzhou, then took the train to Shenzhen.',
  },
  {
    zh: '他们在深圳参观了工厂，然后坐飞机回到了北京。',
    en: 'They visited a factory in Shenzhen, then flew back to Beijing.',
  },
  {
    zh: '老师在学校讲了一个故事，然后学生们回家了。',
    en: 'The teacher told a story at school, then the students went home.',
  },
  {
    zh: '医生在医院看了病人，然后写了一份报告。',
    en: 'The doctor saw the patients at the hospital, then wrote a report.',
  },
  {
    zh: '农民在田里种了小麦，然后在河边休息了一会儿。',
    en: 'The farmers planted wheat in the field, then rested by the river for a while.',
  },
  {
    zh: '我在书店买了一本小说，然后在公园里读完了。',
    en: 'I bought a novel at the bookshop, then finished reading it in the park.',
  },
];

/** A clause no Chinese of the document says, and LINKED_DOCUMENT with it added to pair 6's English. */
export const ADDED_CLAUSE = 'the old merchant counted his silver coins in the market';

export const WITH_ADDED_CLAUSE = LINKED_DOCUMENT.map((pair, i) =>
  i === 6
    ? { ...pair, en: `The farmers planted wheat in the field, ${ADDED_CLAUSE}, then rested by the river.` }
    : pair,
);
