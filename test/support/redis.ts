/**
 * The Redis the Redis suites use: TEST_REDIS_URL (CI sets it and REQUIRE_REDIS=1, so a missing
 * server fails instead of skipping). A newcomer's machine needs none: the suites report skipped.
 */
export const REDIS_URL = process.env.TEST_REDIS_URL;
if (!REDIS_URL) {
  if (process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but TEST_REDIS_URL is not set');
  console.warn('⚠️  TEST_REDIS_URL is not set: Redis suites are SKIPPED.');
}
