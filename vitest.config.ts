import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One throwaway PostgreSQL server per run (installed first on a bare Debian CI machine); tests get its
    // URL with inject('postgresUrl'). Set BITEXT_TEST_POSTGRES_URL to use an existing server instead.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
