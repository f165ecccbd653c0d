import type { Ticket } from '@deskside/protocol';
import { RelativeTime } from './RelativeTime.js';
import { SafeMultiline } from './SafeMultiline.js';

/** The employee's satisfaction rating of this ticket (one click in the tray), when given. */
export function TicketRating({ ticket, now }: { ticket: Ticket; now: number }) {
  const s = ticket.satisfaction;
  if (!s) return null;
  return (
    <section className="panel" aria-label="Employee rating" data-testid="ticket-rating" data-rating={s.rating}>
      <h2>Employee rating</h2>
      <p>
        <strong>{s.rating === 'good' ? 'Good' : 'Not good'}</strong> · <RelativeTime value={s.at} now={now} />
      </p>
      {s.comment && <SafeMultiline value={s.comment} />}
    </section>
  );
}
