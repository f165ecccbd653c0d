import type { MyTicketView } from '../common/bridge-api.js';

const KEY = 'deskside.seen.v1';
const MAX_ENTRIES = 500;

/** When the employee last saw each ticket's newest answer (local to this PC's profile). */
export function readSeen(storage: Pick<Storage, 'getItem'> = localStorage): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function markSeen(ticket: MyTicketView, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): Record<string, string> {
  const seen = readSeen(storage);
  const latest = latestAnswerAt(ticket);
  if (latest === null || seen[ticket.id] === latest) return seen;
  seen[ticket.id] = latest;
  const kept = Object.entries(seen).sort((a, b) => (a[1] < b[1] ? 1 : -1)).slice(0, MAX_ENTRIES);
  try {
    storage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // A full or disabled storage only costs the "new answer" marks.
  }
  return Object.fromEntries(kept);
}

/** True when the help desk wrote something the employee has not opened yet. */
export function hasUnread(ticket: MyTicketView, seen: Record<string, string>): boolean {
  const latest = latestAnswerAt(ticket);
  return latest !== null && (seen[ticket.id] ?? '') < latest;
}

function latestAnswerAt(ticket: MyTicketView): string | null {
  return ticket.messages.filter((m) => m.from === 'technician').reduce<string | null>((max, m) => (max === null || m.at > max ? m.at : max), null);
}
