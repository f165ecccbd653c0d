import { performance } from 'node:perf_hooks';
import { LIMITS, type ProbeReport } from '@deskside/protocol';
import { cut } from './normalize.js';
import { errorMessage, withTimeout } from '../util/with-timeout.js';

/** What one bounded collector run produced: its value, if any, and a report either way. */
export interface CollectorOutcome<T> {
  value: T | undefined;
  report: ProbeReport;
}

/**
 * Runs one collector under a time budget. A throw, a rejection or a timeout becomes an 'unknown'
 * report with the reason; nothing escapes, so one broken probe never costs the rest of the inventory.
 */
export async function runCollector<T>(section: string, collect: () => Promise<T>, timeoutMs: number): Promise<CollectorOutcome<T>> {
  const started = performance.now();
  const elapsed = () => Math.min(3_600_000, Math.max(0, Math.round(performance.now() - started)));
  try {
    const value = await withTimeout(Promise.resolve().then(collect), timeoutMs, `collector ${section}`);
    return { value, report: { section, ms: elapsed(), status: 'ok', reason: null } };
  } catch (e) {
    return { value: undefined, report: unknownReport(section, elapsed(), errorMessage(e)) };
  }
}

export function unknownReport(section: string, ms: number, reason: string): ProbeReport {
  return { section, ms, status: 'unknown', reason: cut(reason || 'failed', LIMITS.longText) };
}
