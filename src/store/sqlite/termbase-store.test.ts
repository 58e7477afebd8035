import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteTermbase, type SqliteTermbaseStore } from './termbase-store.js';

describe('SqliteTermbaseStore', () => {
  let store: SqliteTermbaseStore;
  afterEach(() => store?.close());

  it('adds entries and updates those with the same folded Chinese and English', () => {
    store = openSqliteTermbase(':memory:');
    const now = new Date('2026-01-02T03:04:05Z');
    expect(
      store.add(
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
      store.add([{ zh: '重庆史迪威博物馆', en: 'Chongqing Stilwell Museum', status: 'forbidden' }]),
    ).toEqual({
      added: 0,
      updated: 1,
    });
    expect(store.count()).toBe(2);
    expect(store.list({ status: 'forbidden' })).toEqual([
      expect.objectContaining({
        zh: '重慶史迪威博物館',
        status: 'forbidden',
        kind: 'organization',
        note: 'museum',
        createdAt: now.toISOString(),
      }),
    ]);
  });

  it('finds the terms that occur in a text, Traditional or Simplified', () => {
    store = openSqliteTermbase(':memory:');
    store.add([
      { zh: '史迪威博物馆', en: 'Stilwell Museum', status: 'preferred' },
      { zh: '姜江', en: 'Jiang Jiang', status: 'preferred' },
    ]);
    expect(store.findIn('歡迎用好重慶史迪威博物館').map((t) => t.en)).toEqual(['Stilwell Museum']);
    expect(store.findIn('没有术语')).toEqual([]);
    expect(store.list({ zh: '博物館' }).map((t) => t.zh)).toEqual(['史迪威博物馆']);
  });

  it('removes entries', () => {
    store = openSqliteTermbase(':memory:');
    store.add([{ zh: '姜江', en: 'Jiang Jiang', status: 'preferred' }]);
    const [entry] = store.list();
    expect(store.remove(entry!.id)).toBe(true);
    expect(store.remove(entry!.id)).toBe(false);
    expect(store.count()).toBe(0);
  });
});
