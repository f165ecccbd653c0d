import type { HealthPolicy } from '@deskside/protocol';

/** The numeric thresholds a group may override, with HealthPolicySchema's bounds. */
export type ThresholdField = Exclude<keyof HealthPolicy, 'disabledChecks'>;

export interface ThresholdSpec {
  field: ThresholdField;
  label: string;
  min: number;
  max: number;
  integer: boolean;
}

export const THRESHOLDS: readonly ThresholdSpec[] = [
  { field: 'diskFreePercentMin', label: 'Disk free, minimum (%)', min: 0, max: 100, integer: false },
  { field: 'diskFreeGbMin', label: 'Disk free, minimum (GB)', min: 0, max: 1_000_000, integer: false },
  { field: 'memoryUsedPercentMax', label: 'Memory used, maximum (%)', min: 1, max: 100, integer: false },
  { field: 'cpuPercentMax', label: 'CPU, maximum (%)', min: 1, max: 100, integer: false },
  { field: 'sustainMinutes', label: 'Sustained for (minutes)', min: 1, max: 24 * 60, integer: true },
  { field: 'batteryHealthPercentMin', label: 'Battery health, minimum (%)', min: 0, max: 100, integer: false },
  { field: 'rebootPendingDaysMax', label: 'Reboot pending, maximum (days)', min: 0, max: 365, integer: true },
  { field: 'uptimeDaysMax', label: 'Uptime, maximum (days)', min: 1, max: 3650, integer: true },
  { field: 'persistSamples', label: 'Samples before raising', min: 1, max: 100, integer: true },
  { field: 'hysteresisPercent', label: 'Hysteresis (%)', min: 0, max: 50, integer: false },
];

/** Raw inputs by field; blank means "not overridden" (the global value applies). */
export type ThresholdDraft = Partial<Record<ThresholdField, string>>;

/** The override's thresholds as form text. */
export function thresholdDraft(override: Record<string, unknown> | null): ThresholdDraft {
  const draft: ThresholdDraft = {};
  for (const spec of THRESHOLDS) {
    const value = override?.[spec.field];
    if (typeof value === 'number' && Number.isFinite(value)) draft[spec.field] = String(value);
  }
  return draft;
}

/** Checks each filled-in threshold against its bounds; the valid result holds only the filled ones. */
export function validateThresholds(
  draft: ThresholdDraft,
): { ok: true; value: Partial<Record<ThresholdField, number>> } | { ok: false; errors: Partial<Record<ThresholdField, string>> } {
  const value: Partial<Record<ThresholdField, number>> = {};
  const errors: Partial<Record<ThresholdField, string>> = {};
  for (const spec of THRESHOLDS) {
    const raw = (draft[spec.field] ?? '').trim();
    if (raw === '') continue;
    const n = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n)) errors[spec.field] = `${spec.label} must be a number.`;
    else if (spec.integer && !Number.isInteger(n)) errors[spec.field] = `${spec.label} must be a whole number.`;
    else if (n < spec.min || n > spec.max) errors[spec.field] = `${spec.label} must be between ${spec.min} and ${spec.max}.`;
    else value[spec.field] = n;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
