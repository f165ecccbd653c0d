import type { Priority, TicketCategory, TicketEvent } from '@deskside/protocol';
import { localToUtc } from '../tickets/sla-clock.js';
import type { ReportAlert, ReportAlertEvent, ReportTicket } from './activity-report.js';

/**
 * A fixed week of help-desk history (Europe/Paris, before the March DST change, so UTC+1) with
 * hand-computed answers in activity-report.test.ts. Period: Mon 2025-03-03 … Sun 2025-03-09.
 * Technicians: Alice (u-alice), Bob (u-bob). Devices: A (4 tickets), B, C.
 */
export const TZ = 'Europe/Paris';
export const DEV = { A: '01JA00000000000000000000AA', B: '01JA00000000000000000000BB', C: '01JA00000000000000000000CC' } as const;
export const HOSTNAMES = new Map<string, string>([
  [DEV.A, 'PC-ACCOUNTING'],
  [DEV.B, 'PC-RECEPTION'],
  [DEV.C, 'PC-WAREHOUSE'],
]);

/** Paris wall time "YYYY-MM-DD HH:MM" as epoch ms. */
export function paris(local: string): number {
  const [date = '', time = '00:00'] = local.split(' ');
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return localToUtc(y, m, d, hh * 60 + mm, TZ);
}

const tech = (name: 'Alice' | 'Bob') => ({ type: 'technician' as const, userId: `u-${name.toLowerCase()}`, name });
const employee = { type: 'employee' as const, userId: null, name: 'Employee' };
const system = { type: 'system' as const, userId: null, name: 'Deskside' };

let seq = 0;
function ev(ticketId: string, local: string, actor: TicketEvent['actor'], type: TicketEvent['type'], visibility: TicketEvent['visibility'], from: string | null = null, to: string | null = null): TicketEvent {
  seq++;
  return { id: `e${String(seq).padStart(4, '0')}`, ticketId, at: new Date(paris(local)).toISOString(), actor, type, visibility, body: null, from, to };
}

const tickets: ReportTicket[] = [];
const events: TicketEvent[] = [];
function ticket(id: string, priority: Priority, category: TicketCategory, deviceId: string | null, opened: string, ...rest: TicketEvent[]): void {
  tickets.push({ id, priority, category, deviceId, siteId: 'site-main', createdAt: paris(opened) });
  events.push(ev(id, opened, employee, 'created', 'public', null, 'new'), ...rest);
}
const reply = (id: string, at: string, who: 'Alice' | 'Bob') => ev(id, at, tech(who), 'reply', 'public');
const status = (id: string, at: string, who: 'Alice' | 'Bob' | 'employee' | 'system', from: string, to: string) =>
  ev(id, at, who === 'employee' ? employee : who === 'system' ? system : tech(who), 'status-changed', who === 'employee' ? 'internal' : 'public', from, to);

// T1: answered in 30 min, resolved 2 h after opening — both targets met.
ticket('T1', 'P2', 'hardware', DEV.A, '2025-03-03 09:00', reply('T1', '2025-03-03 09:30', 'Alice'), status('T1', '2025-03-03 09:30', 'Alice', 'new', 'open'), status('T1', '2025-03-03 11:00', 'Alice', 'open', 'resolved'));
// T2: answered after 2 h (P2 target 1 h: breached at 11:00), resolved next day (breached at Mon 18:00).
ticket('T2', 'P2', 'hardware', DEV.A, '2025-03-03 10:00', reply('T2', '2025-03-03 12:00', 'Bob'), status('T2', '2025-03-04 10:00', 'Bob', 'open', 'resolved'));
// T3: resolved Tuesday by Alice, reopened by the employee Wednesday, resolved again by Bob: the last resolution counts.
ticket(
  'T3', 'P3', 'software', DEV.A, '2025-03-04 09:00',
  reply('T3', '2025-03-04 10:00', 'Alice'),
  status('T3', '2025-03-04 12:00', 'Alice', 'open', 'resolved'),
  ev('T3', '2025-03-05 09:00', employee, 'reply', 'public'),
  status('T3', '2025-03-05 09:00', 'employee', 'resolved', 'open'),
  status('T3', '2025-03-05 11:00', 'Bob', 'open', 'resolved'),
);
// T4: P1 on Friday 17:00, answered 17:20, resolved after the period: open at its end.
ticket('T4', 'P1', 'network', DEV.B, '2025-03-07 17:00', reply('T4', '2025-03-07 17:20', 'Alice'), status('T4', '2025-03-10 09:00', 'Alice', 'open', 'resolved'));
// T5: opened and handled over the weekend: no business time at all.
ticket('T5', 'P2', 'email', DEV.C, '2025-03-08 10:00', reply('T5', '2025-03-08 11:00', 'Bob'), status('T5', '2025-03-09 12:00', 'Bob', 'open', 'resolved'));
// T6: Alice asks the employee (pending = first response), who answers Saturday; still open at the end.
ticket('T6', 'P3', 'printer', null, '2025-03-07 15:00', status('T6', '2025-03-07 15:30', 'Alice', 'new', 'pending'), status('T6', '2025-03-08 10:00', 'employee', 'pending', 'open'));
// T7: P4 never answered: first response breached Tue 12:00 (10 business hours).
ticket('T7', 'P4', 'other', DEV.C, '2025-03-03 12:00');
// T8: a duplicate merged into T3 ten minutes after opening: no SLA decision, leaves the backlog.
ticket('T8', 'P2', 'hardware', DEV.A, '2025-03-06 09:00', ev('T8', '2025-03-06 09:10', tech('Alice'), 'merged', 'public', null, 'T3'));
// T9: opened before the period, never touched: in the backlog all week; resolution breached Mon 03 10:00.
ticket('T9', 'P3', 'account', DEV.B, '2025-02-26 10:00');
// T10: opened after the period.
ticket('T10', 'P2', 'hardware', DEV.A, '2025-03-11 09:00', reply('T10', '2025-03-11 09:05', 'Alice'));
// T11: opened, resolved and auto-closed before the period.
ticket('T11', 'P3', 'hardware', DEV.A, '2025-02-20 10:00', reply('T11', '2025-02-20 10:30', 'Alice'), status('T11', '2025-02-21 10:00', 'Alice', 'open', 'resolved'), status('T11', '2025-02-28 10:00', 'system', 'resolved', 'closed'));

export const TICKETS: readonly ReportTicket[] = tickets;
export const TICKET_EVENTS: readonly TicketEvent[] = events;

export const ALERTS: readonly ReportAlert[] = [
  { id: 'a1', deviceId: DEV.A, check: 'disk-space' },
  { id: 'a2', deviceId: DEV.B, check: 'disk-space' },
  { id: 'a3', deviceId: DEV.C, check: 'antivirus' },
  { id: 'a4', deviceId: DEV.C, check: 'pending-reboot' },
];
const aev = (alertId: string, local: string, action: string): ReportAlertEvent => ({ alertId, at: paris(local), action });
export const ALERT_EVENTS: readonly ReportAlertEvent[] = [
  aev('a1', '2025-03-03 08:00', 'raised'),
  aev('a1', '2025-03-03 09:00', 'cleared'),
  aev('a1', '2025-03-05 08:00', 'reopened'),
  aev('a1', '2025-03-05 08:30', 'acknowledged'),
  aev('a2', '2025-03-04 10:00', 'raised'),
  aev('a3', '2025-02-27 10:00', 'raised'),
  aev('a3', '2025-03-06 10:00', 'reopened'),
  aev('a4', '2025-03-11 10:00', 'raised'),
];
