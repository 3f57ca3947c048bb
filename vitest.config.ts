import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Runs that read process.env cache compiled validators here, not in the user's ~/.cache.
    env: { STEPDOC_CACHE_DIR: join(tmpdir(), 'stepdoc-test-cache') },
  },
});
