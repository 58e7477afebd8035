import { describe, expect, it } from 'vitest';
import { termbaseOf } from './pair-input.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('termbaseOf', () => {
  it('reads a TBX by its root element whatever its name, past a DOCTYPE and a comment', async () => {
    const tbx = `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<!-- written by a terminology tool -->
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c1">
    <langSet xml:lang="zh-CN"><tig><term>对外友协</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>Association for Friendship with Foreign Countries</term></tig></langSet>
  </termEntry>
</body></text></martif>`;
    const entries = await termbaseOf({ name: 'glossary.txt', bytes: utf8(tbx) });
    expect(entries.map((e) => [e.zh, e.en])).toEqual([
      ['对外友协', 'Association for Friendship with Foreign Countries'],
    ]);
  });

  it('reads a table as a table', async () => {
    const entries = await termbaseOf({
      name: 'glossary.txt',
      bytes: utf8('对外友协\tAssociation for Friendship\n'),
    });
    expect(entries.map((e) => [e.zh, e.en])).toEqual([['对外友协', 'Association for Friendship']]);
  });
});
