import { describe, expect, it } from 'vitest';
import { StoreError } from '../store-error.js';
import { postgresStoreError } from './connection.js';

const URL = 'postgres://translator:secret@db.example/tm';
const mapped = (error: unknown) => postgresStoreError(error, URL) as StoreError;

describe('postgresStoreError', () => {
  it('maps SQLSTATEs and network failures to the fixed store codes, naming the store without its password', () => {
    const cases: Array<[object, string]> = [
      [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'STORE_UNREACHABLE'],
      [{ code: '28P01', message: 'password authentication failed' }, 'STORE_UNREACHABLE'],
      [{ code: '3D000', message: 'database "tm" does not exist' }, 'STORE_NOT_FOUND'],
      [{ code: '25006', message: 'cannot execute INSERT in a read-only transaction' }, 'STORE_READ_ONLY'],
      [{ code: '40P01', message: 'deadlock detected' }, 'STORE_BUSY'],
      [{ code: '53100', message: 'could not extend file' }, 'STORE_INTERNAL'],
      [{ code: '42P01', message: 'relation does not exist' }, 'STORE_INTERNAL'],
    ];
    for (const [driverError, code] of cases) {
      const error = mapped(
        Object.assign(new Error((driverError as { message: string }).message), driverError),
      );
      expect(error, code).toBeInstanceOf(StoreError);
      expect(error.code).toBe(code);
      expect(error.cause).toMatchObject(driverError);
      expect(error.location?.file).toBe('postgres://translator:***@db.example/tm');
      expect(error.message).not.toContain('secret');
    }
  });

  it('leaves errors that are not the driver’s alone', () => {
    const plain = new TypeError('a bug');
    expect(postgresStoreError(plain, URL)).toBe(plain);
  });
});
