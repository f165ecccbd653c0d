import type { SlaState, Ticket } from '@deskside/protocol';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What an SLA badge shows: the state now, the sentence, and the instant it counts to. */
export interface SlaDisplay {
  state: SlaState;
  /** "2 h 5 min left", "Due in 12 min", "Overdue by 1 h 3 min", "Paused", "Met". */
  text: string;
  /** The due time the badge counts to (first response until answered, then resolution). */
  dueAt: string | null;
  /** Which target the due time belongs to. */
  target: 'first response' | 'resolution';
}

/**
 * The SLA badge of a ticket at `now`. The hub computes the state in business time when it sends
 * the ticket; between its updates the console only moves a running clock past its due time
 * ("breached"), since a due instant is the same in business and wall-clock time.
 */
export function slaDisplay(ticket: Pick<Ticket, 'sla' | 'firstResponseAt'>, now: number): SlaDisplay {
  const target = ticket.firstResponseAt === null ? 'first response' : 'resolution';
  const dueAt = target === 'first response' ? ticket.sla.firstResponseDueAt : ticket.sla.resolutionDueAt;
  const due = dueAt === null ? Number.NaN : Date.parse(dueAt);
  const left = due - now;
  let state = ticket.sla.state;
  if ((state === 'ok' || state === 'breaching-soon') && left < 0) state = 'breached';
  return { state, text: slaText(state, left), dueAt, target };
}

/** The badge's words for a state and the time left (negative: overdue; NaN: no due time). */
export function slaText(state: SlaState, leftMs: number): string {
  const known = Number.isFinite(leftMs);
  switch (state) {
    case 'met':
      return 'Met';
    case 'paused':
      return 'Paused';
    case 'breached':
      return known && leftMs < 0 ? `Overdue by ${formatSpan(-leftMs)}` : 'Breached';
    case 'breaching-soon':
      return known ? `Due in ${formatSpan(leftMs)}` : 'Due soon';
    case 'ok':
      return known ? `${formatSpan(leftMs)} left` : 'On track';
  }
}

/** A span of time for people: "<1 min", "42 min", "3 h 5 min", "2 d 4 h". */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** Labels of the SLA states, for titles and filters. */
export const SLA_LABELS: Record<SlaState, string> = {
  ok: 'On track',
  'breaching-soon': 'Breaching soon',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
};
