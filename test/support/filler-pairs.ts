import type { TermPairInput } from '../../src/core/terms/index.js';

/**
 * Sentence pairs about other things, so that co-occurrence has a document to stand out in: the
 * terms tests put their few pairs among these.
 */
export function fillerPairs(n: number): TermPairInput[] {
  const topics = [
    ['今天的天气很好。', 'The weather is fine today.'],
    ['我们去了市场。', 'We went to the market.'],
    ['孩子们在公园里玩。', 'The children played in the park.'],
    ['他每天早上跑步。', 'He runs every morning.'],
    ['老师讲了一个故事。', 'The teacher told a story.'],
  ] as const;
  return Array.from({ length: n }, (_, i) => {
    const [zh, en] = topics[i % topics.length]!;
    return { zh, en };
  });
}
