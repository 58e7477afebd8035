import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, tempDirsPerTest } from '../../../test/helpers.js';

const temp = tempDirsPerTest('bitext-qa-addition-');

const CLAUSE = 'the old merchant counted his silver coins in the market';

/** Eight pairs whose words link the same way in each; the seventh English has a clause the Chinese lacks. */
const PAIRS = [
  [
    '他在北京买了一本书，然后回到了上海的家里。',
    'He bought a book in Beijing, then returned to his home in Shanghai.',
  ],
  ['她在上海买了一辆汽车，然后开车回到了北京。', 'She bought a car in Shanghai, then drove back to Beijing.'],
  [
    '我们在广州吃了一顿饭，然后坐火车去了深圳。',
    'We had a meal in Guangzhou, then took the train to Shenzhen.',
  ],
  [
    '他们在深圳参观了工厂，然后坐飞机回到了北京。',
    'They visited a factory in Shenzhen, then flew back to Beijing.',
  ],
  [
    '老师在学校讲了一个故事，然后学生们回家了。',
    'The teacher told a story at school, then the students went home.',
  ],
  [
    '医生在医院看了病人，然后写了一份报告。',
    'The doctor saw the patients at the hospital, then wrote a report.',
  ],
  [
    '农民在田里种了小麦，然后在河边休息了一会儿。',
    `The farmers planted wheat in the field, ${CLAUSE}, then rested by the river.`,
  ],
  [
    '我在书店买了一本小说，然后在公园里读完了。',
    'I bought a novel at the bookshop, then finished reading it in the park.',
  ],
];

describe('bitext qa: an added clause (issue 13)', () => {
  it('shows the English span with no Chinese counterpart, in text and JSON, under rule omission-added', async () => {
    const dir = temp();
    const file = join(dir, 'pairs.tsv');
    writeFileSync(file, PAIRS.map((p) => p.join('\t')).join('\n') + '\n');
    const text = await cli(['qa', file, '--checks', 'omission'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`pair 7: warning [omission] "${CLAUSE}" (characters 41–95 of the English`);
    expect(text.stdout).toContain(
      `en: The farmers planted wheat in the field, »${CLAUSE}«, then rested by the river.`,
    );
    const json = await cli(['qa', file, '--checks', 'omission', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(json.stdout) as {
      rule: string;
      en: { text: string; spans: { start: number; end: number }[] };
    }[];
    expect(findings.map((f) => f.rule)).toEqual(['omission-added']);
    const [span] = findings[0]!.en.spans;
    expect(findings[0]!.en.text.slice(span!.start, span!.end)).toBe(CLAUSE);
    writeFileSync(join(dir, '.bitext-qa-ignore'), '# this team glosses freely\nomission-added\n');
    const suppressed = await cli(['qa', file, '--checks', 'omission', '--all', '--format', 'json'], {
      cwd: dir,
    });
    expect(JSON.parse(suppressed.stdout)).toEqual([]);
  });
});
