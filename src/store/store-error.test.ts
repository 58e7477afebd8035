import { describe, expect, it } from 'vitest';
import { parseStoreLocation } from './open-store.js';
import { sqliteStoreError } from './sqlite/database.js';
import { redactLocation, STORE_ERROR_CODES, StoreError, storeErrorStatus } from './store-error.js';

describe('store errors', () => {
  it('wraps SQLite result codes, extended ones by their primary code, keeping the driver error as cause', () => {
    const driver = Object.assign(new Error('vtable constructor failed'), { code: 'SQLITE_CORRUPT_VTAB' });
    const wrapped = sqliteStoreError(driver, '/data/tm.db');
    expect(wrapped).toBeInstanceOf(StoreError);
    expect(wrapped).toMatchObject({
      code: 'STORE_CORRUPT',
      cause: driver,
      location: { file: '/data/tm.db' },
    });
    const busy = sqliteStoreError(
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
      'x.db',
    );
    expect((busy as StoreError).code).toBe('STORE_BUSY');
    const odd = sqliteStoreError(Object.assign(new Error('something new'), { code: 'SQLITE_NOMEM' }), 'x.db');
    expect(odd).toMatchObject({ code: 'STORE_INTERNAL', message: 'database error: something new' });
    // Not a driver error: passed through as it is.
    const plain = new TypeError('a bug');
    expect(sqliteStoreError(plain, 'x.db')).toBe(plain);
  });

  it('maps every code to an HTTP status', () => {
    for (const code of Object.keys(STORE_ERROR_CODES) as (keyof typeof STORE_ERROR_CODES)[])
      expect(storeErrorStatus(code)).toBeGreaterThanOrEqual(400);
    expect(storeErrorStatus('STORE_NOT_FOUND')).toBe(404);
    expect(storeErrorStatus('STORE_INTERNAL')).toBe(500);
  });

  it('parses store locations and never prints a password', () => {
    expect(parseStoreLocation('postgres://u:pw@h/db')).toEqual({
      backend: 'postgres',
      url: 'postgres://u:pw@h/db',
    });
    expect(parseStoreLocation('sqlite:tm.db', '/w')).toEqual({ backend: 'sqlite', path: '/w/tm.db' });
    expect(parseStoreLocation('tm.db', '/w')).toEqual({ backend: 'sqlite', path: '/w/tm.db' });
    expect(() => parseStoreLocation('redis://h/0')).toThrow(/unknown store URL/);
    expect(redactLocation('postgresql://alice:s3cret@db:5432/tm')).toBe('postgresql://alice:***@db:5432/tm');
    expect(redactLocation('postgres://alice@db/tm')).toBe('postgres://alice@db/tm');
  });
});
