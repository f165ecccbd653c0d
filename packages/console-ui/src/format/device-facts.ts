import type { Alert, DeviceDetail, DeviceSummary } from '@deskside/protocol';

/** What the device header shows in two seconds: who, what, where, since when. */
export interface DeviceFacts {
  user: string | null;
  model: string | null;
  serial: string | null;
  os: string | null;
  ip: string | null;
  /** Milliseconds since the last boot, when known. */
  uptimeMs: number | null;
}

/** Facts from the live summary and the loaded detail (the detail's inventory fills what the summary lacks). */
export function deviceFacts(summary: DeviceSummary | null, detail: DeviceDetail | null, now: number): DeviceFacts {
  const inv = detail?.inventory ?? null;
  const loggedIn = inv?.users?.loggedIn[0]?.name ?? null;
  const assigned = summary?.asset?.assignedTo ?? detail?.asset?.assignedTo ?? null;
  const vendorModel = vendorAndModel(inv?.system?.manufacturer ?? null, inv?.system?.model ?? null);
  const boot = inv?.os?.lastBootAt ? Date.parse(inv.os.lastBootAt) : NaN;
  return {
    user: loggedIn ?? assigned,
    model: vendorModel || null,
    serial: inv?.system?.serial ?? null,
    os: summary?.os ?? detail?.os ?? null,
    ip: summary?.ip ?? detail?.ip ?? null,
    uptimeMs: Number.isNaN(boot) ? null : Math.max(0, now - boot),
  };
}

/** "3 d 4 h", "5 h 12 min", "12 min". */
export function formatUptime(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/** Unresolved alerts of one device per severity (snoozed ones left out: someone decided they wait). */
export function openAlertsOf(alerts: readonly Alert[], deviceId: string): { critical: number; warning: number; info: number } {
  const c = { critical: 0, warning: 0, info: 0 };
  for (const a of alerts) if (a.deviceId === deviceId && (a.state === 'open' || a.state === 'acknowledged')) c[a.severity] += 1;
  return c;
}

/** "Dell Inc. Latitude 5440", but "HP EliteBook 840 G10" (not "HP HP EliteBook") when the model already names the vendor. */
export function vendorAndModel(vendor: string | null, model: string | null): string {
  if (!model) return vendor ?? '';
  const brand = (vendor ?? '').split(/[\s,]/)[0]?.toLowerCase() ?? '';
  if (!vendor || (brand !== '' && model.toLowerCase().startsWith(brand))) return model;
  return `${vendor} ${model}`;
}
