import type { Ticket, TicketEvent } from '@deskside/protocol';
import { RelativeTime } from './RelativeTime.js';
import { SafeMultiline } from './SafeMultiline.js';
import { SafeText } from './SafeText.js';
import { formatDateTime } from '../format/relative-time.js';
import { eventSummary } from '../format/ticket-text.js';

export interface TicketThreadProps {
  ticket: Ticket;
  events: readonly TicketEvent[];
  now: number;
  /** User id → display name, for assignment events. */
  nameOf: (userId: string) => string | undefined;
}

/** Messages carry a body people wrote; everything else is a one-line history entry. */
const MESSAGE_TYPES: ReadonlySet<TicketEvent['type']> = new Set(['reply', 'note']);

/**
 * The ticket's conversation and history, oldest first: the request itself, public replies
 * (employee and technician), internal notes (visibly apart: tinted, labelled, never sent to the
 * employee) and one-line events. Every string is plain text through SafeText.
 */
export function TicketThread({ ticket, events, now, nameOf }: TicketThreadProps) {
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
  return (
    <ol className="thread" aria-label="Conversation and history" data-testid="ticket-thread">
      <li className="thread-entry thread-message thread-public thread-employee" data-testid="thread-entry" data-type="request" data-visibility="public">
        <p className="thread-head">
          <strong>
            <SafeText value={ticket.requester.name} />
          </strong>{' '}
          <span className="muted">
            opened the ticket · <RelativeTime value={ticket.createdAt} now={now} />
          </span>
        </p>
        <p className="thread-body">
          <SafeMultiline value={ticket.description} />
        </p>
      </li>
      {ordered.map((event) =>
        MESSAGE_TYPES.has(event.type) || (event.body !== null && event.type !== 'created') ? (
          <MessageEntry key={event.id} event={event} now={now} nameOf={nameOf} />
        ) : event.type === 'created' ? null : (
          <li key={event.id} className="thread-entry thread-event" data-testid="thread-entry" data-type={event.type} data-visibility={event.visibility}>
            <SafeText value={event.actor.name} /> <SafeText value={eventSummary(event, nameOf)} />{' '}
            <time className="muted" dateTime={event.at} title={formatDateTime(event.at)}>
              · <RelativeTime value={event.at} now={now} />
            </time>
          </li>
        ),
      )}
    </ol>
  );
}

function MessageEntry({ event, now, nameOf }: { event: TicketEvent; now: number; nameOf: (id: string) => string | undefined }) {
  const internal = event.visibility === 'internal';
  const isPlainMessage = event.type === 'reply' || event.type === 'note';
  return (
    <li
      className={`thread-entry thread-message ${internal ? 'thread-internal' : 'thread-public'} thread-${event.actor.type}`}
      data-testid="thread-entry"
      data-type={event.type}
      data-visibility={event.visibility}
    >
      <p className="thread-head">
        {internal && <span className="thread-label">{event.type === 'note' ? 'Internal note' : 'Internal'}</span>}
        <strong>
          <SafeText value={event.actor.name} />
        </strong>{' '}
        <span className="muted">
          {isPlainMessage ? (internal ? 'noted' : event.actor.type === 'employee' ? 'wrote' : 'replied') : <SafeText value={eventSummary(event, nameOf)} />} ·{' '}
          <RelativeTime value={event.at} now={now} />
        </span>
      </p>
      <p className="thread-body">
        <SafeMultiline value={event.body} />
      </p>
    </li>
  );
}
