/**
 * Vitest globalSetup: one throwaway PostgreSQL server for the whole run (see postgres-server.ts).
 * Tests read its URL with `inject('postgresUrl')` and make their own database with createTestDatabase().
 * Runs in vitest's main process, outside any hook, so hookTimeout does not apply (a first-time apt-get
 * install may take minutes).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the test run's PostgreSQL server, e.g. postgres://postgres@127.0.0.1:54321/postgres */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return server.stop;
}
