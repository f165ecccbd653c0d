import type { AlertSeverity, HealthPolicy, InventoryDocument, MetricsSample } from '@deskside/protocol';

/** One mounted volume's use, sampled with each heartbeat. */
export interface VolumeUsage {
  mount: string;
  sizeBytes: number;
  usedBytes: number;
}

/** What the checks look at: the latest sample, the latest inventory, the policy, the time. */
export interface CheckInputs {
  /** Epoch ms of the sample. */
  at: number;
  metrics: MetricsSample | null;
  /** Per-volume use now; null when not sampled (the inventory's volumes are used then). */
  volumes: readonly VolumeUsage[] | null;
  inventory: InventoryDocument | null;
  policy: HealthPolicy;
  /** When the agent first saw the OS report a pending reboot (kept by the monitor), or null. */
  rebootPendingSince: number | null;
}

/** A check's verdict on one subject now. */
export interface Reading {
  subject: string;
  /** The condition holds (past the threshold). */
  bad: boolean;
  /** Clearly fine: back past the threshold by the hysteresis margin (a raised alert may clear). */
  clear: boolean;
  severity: AlertSeverity;
  message: string;
  value: number | null;
  threshold: number | null;
}

/** How long a condition must hold before it raises: N consecutive samples, or M minutes. */
export type Persistence = { samples: number } | { minutes: number };

export interface HealthCheck {
  id: string;
  persistence(policy: HealthPolicy): Persistence;
  /** Readings for the subjects the inputs say something about; unknown subjects are left out. */
  evaluate(inputs: CheckInputs): Reading[];
}

/** `value` below `min` is bad; it clears at `min × (1 + h%)` or above. */
export function belowFloor(value: number, min: number, hysteresisPercent: number): { bad: boolean; clear: boolean } {
  return { bad: value < min, clear: value >= min * (1 + hysteresisPercent / 100) };
}

/** `value` above `max` is bad; it clears at `max × (1 − h%)` or below. */
export function aboveCeiling(value: number, max: number, hysteresisPercent: number): { bad: boolean; clear: boolean } {
  return { bad: value > max, clear: value <= max * (1 - hysteresisPercent / 100) };
}

/** A yes/no condition: no band in between. */
export function flag(bad: boolean): { bad: boolean; clear: boolean } {
  return { bad, clear: !bad };
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const GB = 1024 ** 3;
