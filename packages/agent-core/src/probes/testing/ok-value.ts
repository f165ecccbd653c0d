import type { ProbeResult } from '../probe.js';

/** Test helper: the value of an 'ok' result, or a thrown error carrying the 'unknown' reason. */
export function okValue<T>(result: ProbeResult<T>): T {
  if (result.status !== 'ok') throw new Error(`expected ok, got unknown: ${result.reason}`);
  return result.value;
}
