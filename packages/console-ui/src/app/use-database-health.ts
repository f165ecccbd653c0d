import { HealthzResponseSchema } from '@deskside/protocol';
import { useEffect, useState } from 'react';

/** How often the console asks; more often while the database is down, so the banner goes soon after. */
const POLL_MS = 20_000;
const POLL_DOWN_MS = 5_000;

const fetchHealthz = () => fetch('/healthz', { cache: 'no-store', credentials: 'omit' });

/**
 * Whether the hub's database answers, from the hub's own `GET /healthz` (503 with the reason when
 * it does not). The socket stays up while the database is down, so the stale banner cannot say it.
 * A hub that does not answer at all is the stale banner's case, not this one: that is not "down".
 */
export function useDatabaseHealth(enabled: boolean, fetchHealth: () => Promise<Response> = fetchHealthz): { databaseDown: boolean } {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      let down = false;
      try {
        const res = await fetchHealth();
        const body = HealthzResponseSchema.safeParse(await res.json());
        down = res.status === 503 && body.success && body.data.status === 'unavailable';
      } catch {
        down = false;
      }
      if (stopped) return;
      setDatabaseDown(down);
      timer = setTimeout(() => void check(), down ? POLL_DOWN_MS : POLL_MS);
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled, fetchHealth]);
  return { databaseDown };
}
