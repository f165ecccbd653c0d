import type { AlertSeverity } from '@deskside/protocol';
import { ALL_CHECKS } from './all-checks.js';
import type { CheckInputs, HealthCheck, Reading } from './types.js';

/** What the agent must tell the hub: raise (or update) an alert, or clear it. */
export type Transition =
  | { type: 'raise'; check: string; subject: string; severity: AlertSeverity; message: string; value: number | null; threshold: number | null }
  | { type: 'clear'; check: string; subject: string };

interface KeyState {
  raised: boolean;
  severity: AlertSeverity | null;
  badCount: number;
  badSince: number | null;
  clearCount: number;
}

/**
 * Turns readings into transitions, with per-key state so a value hovering at a threshold does
 * not flap: a condition raises only after holding `persistSamples` samples in a row (or
 * `sustainMinutes` for CPU and memory), and a raised alert clears only after `persistSamples`
 * samples in a row clearly past the threshold (by `hysteresisPercent`); a value between the
 * threshold and that margin keeps the alert as it is. Pure: time comes from the inputs.
 */
export class HealthEvaluator {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly checks: readonly HealthCheck[] = ALL_CHECKS,
    /** Keys raised before a restart, so their clear is still sent. */
    raised: Iterable<{ check: string; subject: string }> = [],
  ) {
    for (const k of raised) this.keys.set(keyOf(k.check, k.subject), { raised: true, severity: null, badCount: 0, badSince: null, clearCount: 0 });
  }

  evaluate(inputs: CheckInputs): Transition[] {
    const out: Transition[] = [];
    const disabled = new Set(inputs.policy.disabledChecks);
    for (const check of this.checks) {
      if (disabled.has(check.id)) {
        for (const [key, state] of this.keys) {
          if (!key.startsWith(`${check.id}\u0000`) || !state.raised) continue;
          this.keys.delete(key);
          out.push({ type: 'clear', check: check.id, subject: key.slice(check.id.length + 1) });
        }
        continue;
      }
      const persistence = check.persistence(inputs.policy);
      for (const reading of check.evaluate(inputs)) {
        const t = this.step(check.id, reading, persistence, inputs);
        if (t) out.push(t);
      }
    }
    return out;
  }

  /** Keys currently raised (to persist across restarts). */
  raisedKeys(): Array<{ check: string; subject: string }> {
    const out: Array<{ check: string; subject: string }> = [];
    for (const [key, s] of this.keys) {
      if (!s.raised) continue;
      const at = key.indexOf('\u0000');
      out.push({ check: key.slice(0, at), subject: key.slice(at + 1) });
    }
    return out;
  }

  private step(check: string, r: Reading, persistence: ReturnType<HealthCheck['persistence']>, inputs: CheckInputs): Transition | undefined {
    const key = keyOf(check, r.subject);
    const s = this.keys.get(key) ?? { raised: false, severity: null, badCount: 0, badSince: null, clearCount: 0 };
    this.keys.set(key, s);
    const samplesToClear = inputs.policy.persistSamples;
    if (r.bad) {
      s.badCount++;
      s.badSince ??= inputs.at;
      s.clearCount = 0;
      const held = 'samples' in persistence
        ? s.badCount >= persistence.samples
        : s.badCount >= 2 && inputs.at - s.badSince >= persistence.minutes * 60_000;
      if ((!s.raised && held) || (s.raised && s.severity !== r.severity)) {
        s.raised = true;
        s.severity = r.severity;
        return { type: 'raise', check, subject: r.subject, severity: r.severity, message: r.message, value: r.value, threshold: r.threshold };
      }
      return undefined;
    }
    s.badCount = 0;
    s.badSince = null;
    if (!s.raised) {
      if (r.clear) this.keys.delete(key);
      return undefined;
    }
    // In the hysteresis band: neither bad nor clearly fine; the alert stays as it is.
    s.clearCount = r.clear ? s.clearCount + 1 : 0;
    if (s.clearCount < samplesToClear) return undefined;
    this.keys.delete(key);
    return { type: 'clear', check, subject: r.subject };
  }
}

function keyOf(check: string, subject: string): string {
  return `${check}\u0000${subject}`;
}
