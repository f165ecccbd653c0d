import { useEffect, useState } from 'react';
import { useFreshness } from './stale-context.js';

/**
 * The current time, refreshed every `intervalMs`, so "2 min ago" keeps telling the truth. While the
 * hub is unreachable the clock stops at the last moment the data was live: SLA clocks and "ago"
 * texts do not run on data nobody can confirm.
 */
export function useNow(intervalMs: number): number {
  const { stale, asOf } = useFreshness();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (stale) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, stale]);
  return stale && asOf !== null ? asOf : now;
}
