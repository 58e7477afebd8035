import { type AlignOptions, alignSentences } from '../../src/core/align/index.js';

/**
 * Four sentences whose lengths cross: the translator expanded the first and compressed the second,
 * so lengths alone merge them into one 2-2 bead; the dictionary (老师 teacher, 学生 student, 雨 rain,
 * 家 home) and paragraph breaks keep them apart.
 */
export const CROSSING_ZH: readonly string[] = [
  '老师来了。',
  '学生们在教室里安静地读书写字，外面的雨一直下个不停。',
  '天黑了。',
  '我们回家吧。',
];
export const CROSSING_EN: readonly string[] = [
  'The old teacher came in with a kind smile on her face.',
  'The students read quietly, and it kept raining.',
  'Night came.',
  "Let's go home.",
];

/**
 * alignSentences with the 2-2 surcharge and the length weight (tuned on the dev sets and free to
 * change) pinned at the values the crossing case was built with, for these calls only.
 */
export const alignPinned = (zh: readonly string[], en: readonly string[], options: AlignOptions = {}) =>
  alignSentences(zh, en, { ...options, tuning: { manyToManyCost: 2, weights: { length: { weight: 1 } } } });
