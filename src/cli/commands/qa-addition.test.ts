import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, tempDirsPerTest } from '../../../test/helpers.js';
import { ADDED_CLAUSE, WITH_ADDED_CLAUSE } from '../../../test/support/linked-document.js';

const temp = tempDirsPerTest('bitext-qa-addition-');

/** The linked test document, whose seventh English has a clause the Chinese lacks. */
const PAIRS = WITH_ADDED_CLAUSE.map((p) => [p.zh, p.en]);

describe('bitext qa: an added clause (issue 13)', () => {
  it('shows the English span with no Chinese counterpart, in text and JSON, under rule omission-added', async () => {
    const dir = temp();
    const file = join(dir, 'pairs.tsv');
    writeFileSync(file, PAIRS.map((p) => p.join('\t')).join('\n') + '\n');
    const text = await cli(['qa', file, '--checks', 'omission'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `pair 7: warning [omission] "${ADDED_CLAUSE}" (characters 41–95 of the English`,
    );
    expect(text.stdout).toContain(
      `en: The farmers planted wheat in the field, »${ADDED_CLAUSE}«, then rested by the river.`,
    );
    const json = await cli(['qa', file, '--checks', 'omission', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(json.stdout) as {
      rule: string;
      en: { text: string; spans: { start: number; end: number }[] };
    }[];
    expect(findings.map((f) => f.rule)).toEqual(['omission-added']);
    const [span] = findings[0]!.en.spans;
    expect(findings[0]!.en.text.slice(span!.start, span!.end)).toBe(ADDED_CLAUSE);
    writeFileSync(join(dir, '.bitext-qa-ignore'), '# this team glosses freely\nomission-added\n');
    const suppressed = await cli(['qa', file, '--checks', 'omission', '--all', '--format', 'json'], {
      cwd: dir,
    });
    expect(JSON.parse(suppressed.stdout)).toEqual([]);
  });
});
