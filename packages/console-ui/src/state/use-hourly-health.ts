import type { HealthHourPoint } from '@deskside/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { ChartWindow } from '../format/health-chart.js';
import { hourlyWindow, type HealthRange } from '../format/health-hourly.js';

/** Loads a device's hours of [from, to) (the HTTP client's `deviceHealthHourly`, bound to the device). */
export type LoadHourly = (from: Date, to: Date) => Promise<HealthHourPoint[]>;

export type HourlyHealthState =
  | { kind: 'idle' }
  | { kind: 'loading'; window: ChartWindow }
  | { kind: 'loaded'; window: ChartWindow; hours: HealthHourPoint[] }
  | { kind: 'error'; window: ChartWindow; message: string };

/** What the effect stored, tagged with the request it answers. */
type Answer = Exclude<HourlyHealthState, { kind: 'idle' }> & { rangeMs: number; generation: number };

/**
 * The hours of an hourly range, fetched when such a range is picked (idle for sample ranges or
 * without a loader). A later pick wins over an answer still on its way.
 */
export function useHourlyHealth(load: LoadHourly | undefined, range: HealthRange, now: () => number = Date.now): { state: HourlyHealthState; retry: () => void } {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [generation, setGeneration] = useState(0);
  const rangeMs = range.ms;
  const wanted = load !== undefined && range.source === 'hourly';

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const window = hourlyWindow({ ms: rangeMs }, now());
    const tag = { window, rangeMs, generation };
    setAnswer({ kind: 'loading', ...tag });
    load(new Date(window.from), new Date(window.to)).then(
      (hours) => {
        if (!cancelled) setAnswer({ kind: 'loaded', hours, ...tag });
      },
      (error: unknown) => {
        if (!cancelled) setAnswer({ kind: 'error', message: hourlyErrorText(error), ...tag });
      },
    );
    return () => {
      cancelled = true;
    };
    // `rangeMs`, the loader and a retry identify the request; `now` is read at request time only.
  }, [load, wanted, rangeMs, generation]);

  const retry = useCallback(() => setGeneration((n) => n + 1), []);
  if (!wanted) return { state: { kind: 'idle' }, retry };
  // Until the effect has answered for this very request (the render right after a pick), it is loading.
  if (answer === null || answer.rangeMs !== rangeMs || answer.generation !== generation) {
    return { state: { kind: 'loading', window: hourlyWindow({ ms: rangeMs }, now()) }, retry };
  }
  return { state: answer, retry };
}

/** What went wrong, in words for the chart's error line. */
export function hourlyErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Could not load the health history.';
  switch (error.code) {
    case 'network':
      return 'Cannot reach the hub to load the health history.';
    case 'not_found':
      return 'The hub has no health history for this device.';
    case 'bad_response':
      return 'The hub sent health history the console could not read.';
    case 'rate_limited':
      return 'Too many requests: wait a moment, then try again.';
    default:
      return 'The hub could not load the health history.';
  }
}
