/**
 * Vitest globalSetup: one throwaway PostgreSQL server for the whole run (see postgres-server.ts), and
 * one Redis server for the queue tests (redis-server.ts; `inject('redisUrl')`).
 * Tests read its URL with `inject('postgresUrl')` and make their own database with createTestDatabase().
 * Runs in vitest's main process, outside any hook, so hookTimeout does not apply (a first-time apt-get
 * install may take minutes).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server.js';
import { startRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the test run's PostgreSQL server, e.g. postgres://postgres@127.0.0.1:54321/postgres */
    postgresUrl: string;
    /** URL of the test run's Redis server (BullMQ queue tests), e.g. redis://127.0.0.1:63791 */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  const redis = await startRedis().catch(async (error) => {
    await server.stop();
    throw error;
  });
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
    await server.stop();
  };
}
