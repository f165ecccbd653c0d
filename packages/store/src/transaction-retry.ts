/**
 * Whether the database refused a transaction because another connection wrote concurrently:
 * SQLite's SQLITE_BUSY family (its write lock stayed taken past busy_timeout, or a read snapshot
 * went stale before the first write), PostgreSQL's serialization failure (40001) or deadlock (40P01).
 */
export function isWriteContention(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return code.startsWith('SQLITE_BUSY') || code === '40001' || code === '40P01';
}

/** Runs `attempt`, again up to `retries` times after a short jittered pause when it failed for contention. */
export async function withRetries<T>(attempt: () => Promise<T>, retries: number): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= retries || !isWriteContention(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (tried + 1)));
    }
  }
}
