import { describe, expect, it } from 'vitest';
import type { TermbaseStore } from './termbase.js';

/**
 * The behaviour every TermbaseStore backend must have. A backend's test file calls this with a factory
 * that returns a fresh, empty termbase (as runTmStoreContract does for the TM).
 */
export function runTermbaseContract(
  name: string,
  makeStore: () => Promise<TermbaseStore> | TermbaseStore,
): void {
  describe(`TermbaseStore contract: ${name}`, () => {
    it('adds entries and updates those with the same folded Chinese and English', async () => {
      const store = await makeStore();
      const now = new Date('2026-01-02T03:04:05Z');
      expect(
        await store.add(
          [
            {
              zh: '重慶史迪威博物館',
              en: 'Chongqing Stilwell Museum',
              status: 'preferred',
              kind: 'organization',
              note: 'museum',
            },
            { zh: '姜江', en: 'Jiang Jiang', status: 'admitted', score: 0.9 },
          ],
          { now },
        ),
      ).toEqual({ added: 2, updated: 0 });
      // The Simplified spelling is the same term: updated, and its note kept.
      expect(
        await store.add([{ zh: '重庆史迪威博物馆', en: 'Chongqing Stilwell Museum', status: 'forbidden' }]),
      ).toEqual({ added: 0, updated: 1 });
      expect(await store.count()).toBe(2);
      expect(await store.list({ status: 'forbidden' })).toEqual([
        expect.objectContaining({
          zh: '重慶史迪威博物館',
          status: 'forbidden',
          kind: 'organization',
          note: 'museum',
          createdAt: now.toISOString(),
        }),
      ]);
      await store.close();
    });

    it('finds the terms that occur in a text, Traditional or Simplified', async () => {
      const store = await makeStore();
      await store.add([
        { zh: '史迪威博物馆', en: 'Stilwell Museum', status: 'preferred' },
        { zh: '姜江', en: 'Jiang Jiang', status: 'preferred' },
      ]);
      expect((await store.findIn('歡迎用好重慶史迪威博物館')).map((t) => t.en)).toEqual(['Stilwell Museum']);
      expect(await store.findIn('没有术语')).toEqual([]);
      expect((await store.list({ zh: '博物館' })).map((t) => t.zh)).toEqual(['史迪威博物馆']);
      await store.close();
    });

    it('removes entries', async () => {
      const store = await makeStore();
      await store.add([{ zh: '姜江', en: 'Jiang Jiang', status: 'preferred' }]);
      const [entry] = await store.list();
      expect(await store.remove(entry!.id)).toBe(true);
      expect(await store.remove(entry!.id)).toBe(false);
      expect(await store.count()).toBe(0);
      await store.close();
    });
  });
}
