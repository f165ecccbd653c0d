import type { DeviceSummary, Ticket } from '@deskside/protocol';

/** Someone who may be on the phone: a person the desk has heard from, and their PC when known. */
export interface CallerMatch {
  key: string;
  name: string | null;
  email: string | null;
  deviceId: string | null;
  hostname: string | null;
}

/**
 * Finds the caller by name, e-mail or PC: people from the tickets the console holds (their
 * requester and device), PCs by hostname or the person they are assigned to. Best first: a
 * match at the start of a word before one inside it; at most `limit`.
 */
export function lookUpCaller(query: string, devices: readonly DeviceSummary[], tickets: Iterable<Ticket>, limit = 8): CallerMatch[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const byKey = new Map<string, CallerMatch & { score: number }>();
  const consider = (m: CallerMatch, haystack: readonly (string | null)[]) => {
    const score = Math.min(...haystack.map((h) => rank(h, q)));
    if (score === Infinity) return;
    const seen = byKey.get(m.key);
    if (!seen || score < seen.score) byKey.set(m.key, { ...m, score });
  };
  const hostnames = new Map(devices.map((d) => [d.id, d.hostname]));
  for (const t of tickets) {
    const who = t.requester;
    const key = `person:${(who.email ?? who.name).toLowerCase()}:${t.deviceId ?? ''}`;
    consider({ key, name: who.name, email: who.email, deviceId: t.deviceId, hostname: t.deviceId ? (hostnames.get(t.deviceId) ?? t.hostname) : null }, [who.name, who.email, t.hostname]);
  }
  for (const d of devices) {
    const person = d.asset?.assignedTo ?? null;
    consider({ key: `device:${d.id}`, name: person, email: null, deviceId: d.id, hostname: d.hostname }, [d.hostname, person]);
  }
  return [...byKey.values()]
    .sort((a, b) => a.score - b.score || (a.name ?? a.hostname ?? '').localeCompare(b.name ?? b.hostname ?? ''))
    .slice(0, limit)
    .map(({ score: _score, ...m }) => m);
}

function rank(value: string | null, q: string): number {
  if (value === null) return Infinity;
  const v = value.toLowerCase();
  if (v.startsWith(q)) return 0;
  if (new RegExp(`[\\s._@-]${escape(q)}`).test(v)) return 1;
  return v.includes(q) ? 2 : Infinity;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
