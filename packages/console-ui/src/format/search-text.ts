import type { SearchKind } from '@deskside/protocol';

/** Section headings of the command palette, in the order they are shown. */
export const KIND_LABEL: Record<SearchKind, string> = {
  device: 'Devices',
  ticket: 'Tickets',
  alert: 'Alerts',
  user: 'People',
  software: 'Software',
  article: 'Articles',
};

export const KIND_ORDER: readonly SearchKind[] = ['device', 'ticket', 'alert', 'user', 'software', 'article'];

/** Results grouped by kind (kinds in palette order, hits in rank order inside each). */
export function groupByKind<T extends { kind: SearchKind }>(results: readonly T[]): { kind: SearchKind; items: T[] }[] {
  const groups = new Map<SearchKind, T[]>();
  for (const r of results) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return KIND_ORDER.filter((k) => groups.has(k)).map((kind) => ({ kind, items: groups.get(kind) ?? [] }));
}
