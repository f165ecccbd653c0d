import type { Ticket } from '@deskside/protocol';
import { formatDateTime } from '../format/relative-time.js';
import { SLA_LABELS, slaDisplay } from '../format/sla.js';

/**
 * The SLA of a ticket at `now`: state as colour, shape and word, with time left or overdue by.
 * The caller refreshes `now` (every 30 s) so the badge keeps counting between hub updates.
 */
export function SlaBadge({ ticket, now }: { ticket: Pick<Ticket, 'sla' | 'firstResponseAt'>; now: number }) {
  const sla = slaDisplay(ticket, now);
  const title = `${SLA_LABELS[sla.state]} · ${sla.target} due ${formatDateTime(sla.dueAt)}`;
  return (
    <span className={`sla-badge sla-${sla.state}`} data-testid="sla-badge" data-state={sla.state} title={title}>
      <span className="sla-mark" aria-hidden="true" />
      <span className="visually-hidden">SLA {SLA_LABELS[sla.state]}: </span>
      {sla.text}
    </span>
  );
}
