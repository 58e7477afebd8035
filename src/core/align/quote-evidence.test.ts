import { describe, expect, it } from 'vitest';
import { oneToOneBeads } from '../../../test/helpers.js';
import {
  INSIDE,
  quoteBoundaryCost,
  quoteStates,
  SPEECH_END,
  speechStartCost,
  speechTurnCost,
} from './quote-evidence.js';
import type { RangeBead } from './search.js';

describe('quoteStates', () => {
  it('follows a Chinese speech over two sentences and closes it', () => {
    const states = quoteStates(['他说：“好。', '我们走吧。”', '天黑了。'], []);
    expect([...states.zh]).toEqual([0, INSIDE, SPEECH_END, 0]);
  });

  it('reads straight English quotes by their neighbours, not apostrophes', () => {
    const en = ["'All right.", "We can't stay here.", "Let's go,' he said.", "The boys' car was red."];
    expect([...quoteStates([], en).en]).toEqual([0, 1, 1, 0, 0]);
  });

  it('tells a sentence that ends with its speech from one that ends with a dialogue tag', () => {
    const states = quoteStates(
      ['“这是开玩笑吧。”', '她摇摇头说。'],
      ['"This must be a joke," she said.', "'Fine.'", "'Fine!' he said."],
    );
    expect([...states.zh]).toEqual([0, SPEECH_END, 0]);
    expect([...states.en]).toEqual([0, 0, SPEECH_END, 0]);
  });

  it('closes a quoted word inside a sentence', () => {
    expect([...quoteStates([], ["The 'stealing' part was easy."]).en]).toEqual([0, 0]);
  });

  it('restarts a speech that reopens without closing, as a new paragraph of dialogue does', () => {
    const states = quoteStates(['“一。', '“二。”', '三。'], []);
    expect([...states.zh]).toEqual([0, INSIDE, SPEECH_END, 0]);
  });
});

describe('quoteBoundaryCost', () => {
  const bead = (zhEnd: number, enEnd: number): RangeBead => ({
    zhStart: zhEnd - 1,
    zhEnd,
    enStart: enEnd - 1,
    enEnd,
    cost: 0,
  });

  it('charges a boundary that leaves one side inside a quotation, once dialogue matches', () => {
    const zh = ['他说：“好。', '走吧。”', '天黑了。', '她问：“谁？', '是我。”', '门开了。'];
    const en = ["He said, 'Fine.", "Let's go.'", 'Night fell.', "'Who?", "It's me.'", 'The door opened.'];
    const states = quoteStates(zh, en);
    const cost = quoteBoundaryCost(
      states,
      [1, 2, 3, 4, 5, 6].map((i) => bead(i, i)),
      1,
    );
    expect(cost(0, 1, 0, 1)).toBe(0);
    expect(cost(0, 2, 0, 1)).toBeGreaterThan(0);
  });

  it('joins a Chinese dialogue tag to the speech before it when the English tag follows the speech', () => {
    const zh = ['“走吧。”', '他说。', '“好。”', '她说。', '“谁？”', '他问。', '门开了。'];
    const en = ['"Let\'s go," he said.', '"Fine," she said.', '"Who?" he asked.', 'The door opened.'];
    const firstPass: RangeBead[] = [
      { zhStart: 0, zhEnd: 2, enStart: 0, enEnd: 1, cost: 0 },
      { zhStart: 2, zhEnd: 4, enStart: 1, enEnd: 2, cost: 0 },
      { zhStart: 4, zhEnd: 6, enStart: 2, enEnd: 3, cost: 0 },
      { zhStart: 6, zhEnd: 7, enStart: 3, enEnd: 4, cost: 0 },
    ];
    const cost = quoteBoundaryCost(quoteStates(zh, en), firstPass, 1);
    // The speech alone against speech and tag: the zh bead ends with the speech, the en with the tag.
    expect(cost(0, 1, 0, 1)).toBeGreaterThan(0);
    expect(cost(0, 2, 0, 1)).toBe(0);
  });

  it('gives no evidence when one side has no quotation marks', () => {
    const zh = ['他说好。', '走吧。', '天黑了。'];
    const en = ["'Fine.", "Let's go.'", 'Night fell.'];
    const cost = quoteBoundaryCost(
      quoteStates(zh, en),
      [1, 2, 3].map((i) => bead(i, i)),
      1,
    );
    expect(cost(0, 1, 0, 1)).toBe(0);
    expect(cost(0, 2, 0, 1)).toBe(0);
  });
});

describe('speech turns', () => {
  it('counts a sentence that opens with a quotation mark as a new speech even inside an open one', () => {
    const states = quoteStates([], ["'Hello.", "'Goodbye,' he said.", 'He left.']);
    expect([...states.enTurns]).toEqual([1, 1, 0]);
  });
});

describe('speech turns after a colon or comma', () => {
  it('does not count a quoted term as a speech', () => {
    const states = quoteStates(
      ['他说起“文革”的事。', '他说：“走吧。”'],
      ['He spoke of the "Cultural Revolution".', 'He said, "Go."'],
    );
    expect([...states.zhTurns]).toEqual([0, 1]);
    expect([...states.enTurns]).toEqual([0, 1]);
  });
});

describe('speechTurnCost', () => {
  it('charges a bead that joins a reply to the line before it on one side only', () => {
    const zh = ['他问：“谁？”', '她答：“我。”', '门开了。', '他问：“几点？”', '她答：“三点。”', '天黑了。'];
    const en = [
      "'Who?' he asked.",
      "'Me,' she said.",
      'The door opened.',
      "'What time?'",
      "'Three.'",
      'Night fell.',
    ];
    const states = quoteStates(zh, en);
    expect([...states.zhTurns]).toEqual([1, 1, 0, 1, 1, 0]);
    expect([...states.enTurns]).toEqual([1, 1, 0, 1, 1, 0]);
    const firstPass = oneToOneBeads(6);
    const cost = speechTurnCost(states, firstPass, 1);
    expect(cost(0, 1, 0, 1)).toBe(0);
    expect(cost(0, 2, 0, 2)).toBe(0);
    expect(cost(0, 1, 0, 2)).toBeGreaterThan(0);
  });
});

describe('speechStartCost', () => {
  it('marks sentences that open with a quotation mark', () => {
    const states = quoteStates(
      ['“谁？”', '他问。', '“是我。”'],
      ["'Who?' he asked.", "'It's me.'", 'Silence.'],
    );
    expect([...states.zhOpens]).toEqual([1, 0, 1, 0]);
    expect([...states.enOpens]).toEqual([1, 1, 0, 0]);
  });

  it('charges a boundary where the next bead opens with speech on one side only, once dialogue matches', () => {
    const zh = ['他问道。', '“是我。”', '门开了。', '她问道。', '“谁？”', '天黑了。'];
    const en = [
      'He asked who it was.',
      "'It's me.'",
      'The door opened.',
      'She asked.',
      "'Who?'",
      'Night fell.',
    ];
    const cost = speechStartCost(quoteStates(zh, en), oneToOneBeads(6), 1);
    expect(cost(0, 1, 0, 1)).toBe(0);
    // The reply joined to the line before on the English side: the next zh bead opens with speech, the en one does not.
    expect(cost(0, 1, 0, 2)).toBeGreaterThan(0);
  });

  it('gives no evidence when the openings do not correspond', () => {
    const zh = ['他问道。', '“是我。”', '门开了。', '她问道。', '“谁？”', '天黑了。'];
    const en = ["'He asked.", 'It was me.', "'The door opened.", 'She asked.', 'Who?', "'Night fell."];
    const cost = speechStartCost(quoteStates(zh, en), oneToOneBeads(6), 1);
    expect(cost(0, 1, 0, 2)).toBe(0);
  });
});
