import { DiagnosticsBundleSchema, type ConnectivityCheck, type DiagnosticsBundle, type InventoryDocument } from '@deskside/protocol';
import type { SampleHistory } from './sample-history.js';
import type { SoftwareChangeLog } from './software-changes.js';

/** An open alert as the bundle lists it. */
export type DiagnosticsAlert = DiagnosticsBundle['openAlerts'][number];

/** Where the bundle's parts come from. None of them holds a secret: that is the point. */
export interface DiagnosticsSources {
  now: () => number;
  hostname: () => string;
  user: () => string | null;
  /** The latest inventory (collected this run, or the last the hub acknowledged). */
  latestInventory: () => Promise<InventoryDocument | null>;
  /** Open alerts of the agent's health checks; empty when this build has none. */
  openAlerts: () => Promise<DiagnosticsAlert[]>;
  history: SampleHistory;
  software: SoftwareChangeLog;
}

/**
 * Builds the diagnostics attached to a ticket and shown to the employee before sending. It is
 * assembled only from the inventory, the checks, the sample history, the software change log and
 * the connectivity check: never from the agent state, the environment or the config, so no token,
 * key or password can end up in it. The result is parsed with the protocol's schema.
 */
export async function buildDiagnostics(sources: DiagnosticsSources, connectivity: ConnectivityCheck | null): Promise<DiagnosticsBundle> {
  const now = sources.now();
  const inventory = await sources.latestInventory().catch(() => null);
  const [alerts, samples, software] = await Promise.all([
    sources.openAlerts().catch(() => []),
    sources.history.last24h(now).catch(() => []),
    sources.software.recent(now).catch(() => []),
  ]);
  const bundle: DiagnosticsBundle = {
    collectedAt: new Date(now).toISOString(),
    summary: summaryOf(inventory, sources),
    openAlerts: alerts.slice(0, 64).map((a) => ({ ...a, subject: clip(a.subject, 256), message: clip(a.message, 1024) })),
    samples: samples.slice(-300),
    recentSoftware: software.slice(0, 100).map((s) => ({ ...s, name: clip(s.name, 256) })),
    rebootPending: inventory?.security?.rebootPending ?? null,
    batteryWearPercent: batteryWear(inventory),
    connectivity,
  };
  return DiagnosticsBundleSchema.parse(bundle);
}

function summaryOf(inventory: InventoryDocument | null, sources: DiagnosticsSources): DiagnosticsBundle['summary'] {
  const join = (...parts: Array<string | null | undefined>) => parts.filter((p): p is string => Boolean(p)).join(' ') || null;
  const system = inventory?.system;
  return {
    hostname: clip(inventory?.os?.hostname ?? sources.hostname(), 255),
    user: maybeClip(sources.user(), 128),
    os: maybeClip(join(inventory?.os?.distro, inventory?.os?.release), 256),
    model: maybeClip(join(system?.manufacturer, system?.model), 256),
    serial: maybeClip(system?.serial ?? null, 256),
    cpu: maybeClip(inventory?.cpu?.brand ?? null, 256),
    ramBytes: inventory?.memory?.totalBytes ?? null,
    ip: maybeClip(primaryIp(inventory), 64),
  };
}

function primaryIp(inventory: InventoryDocument | null): string | null {
  const adapters = inventory?.network?.adapters ?? [];
  const preferred = adapters.find((a) => a.isDefault && a.ipv4.length > 0) ?? adapters.find((a) => a.ipv4.length > 0);
  return preferred?.ipv4[0] ?? null;
}

/** Wear is what the cell lost: 100 − health, from 0 (new) to 100. */
function batteryWear(inventory: InventoryDocument | null): number | null {
  const battery = inventory?.battery;
  if (!battery) return null;
  let health = battery.healthPercent;
  if (health === null && battery.designCapacity && battery.fullCapacity !== null) health = (battery.fullCapacity / battery.designCapacity) * 100;
  if (health === null) return null;
  return Math.round(Math.min(100, Math.max(0, 100 - health)) * 10) / 10;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function maybeClip(text: string | null, max: number): string | null {
  return text === null ? null : clip(text, max);
}
