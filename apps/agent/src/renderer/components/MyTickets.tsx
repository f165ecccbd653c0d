import { useEffect, useState, type FormEvent } from 'react';
import { BODY_MAX_CHARS, type MyTicketView } from '../../common/bridge-api.js';

const STATUS_TEXT: Record<MyTicketView['status'], string> = {
  new: 'Received',
  open: 'In progress',
  pending: 'Waiting for you',
  resolved: 'Resolved',
  closed: 'Closed',
};

function statusText(ticket: MyTicketView): string {
  if (ticket.delivery === 'queued') return 'Queued (will be sent when you are back online)';
  if (ticket.delivery === 'failed') return 'Could not be sent';
  return STATUS_TEXT[ticket.status];
}

/** The employee's tickets, newest first, with the public thread of the selected one and a reply box. */
export function MyTickets({ initialTicketId }: { initialTicketId: string | null }) {
  const [tickets, setTickets] = useState<MyTicketView[] | null>(null);
  const [selected, setSelected] = useState<string | null>(initialTicketId);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    window.deskside.listMyTickets().then(
      (list) => live && setTickets(list),
      () => live && setFailed(true),
    );
    const offUpdate = window.deskside.onTicketUpdated((ticket) => {
      setTickets((current) => {
        const rest = (current ?? []).filter((t) => t.id !== ticket.id);
        return [ticket, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
      });
    });
    const offShow = window.deskside.onShowTicket((id) => setSelected(id));
    return () => {
      live = false;
      offUpdate();
      offShow();
    };
  }, []);

  if (failed) return <p className="error">Could not read your tickets.</p>;
  if (tickets === null) return <p className="muted">Loading your tickets…</p>;
  if (tickets.length === 0) return <p className="muted">You have no tickets. Use “Get help…” in the Deskside menu to ask for help.</p>;
  const current = tickets.find((t) => t.id === selected) ?? tickets[0];

  return (
    <div className="tickets">
      <ul className="ticket-list" aria-label="Your tickets">
        {tickets.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              data-testid="ticket-row"
              data-ticket-id={t.id}
              data-status={t.status}
              aria-current={t.id === current?.id}
              onClick={() => setSelected(t.id)}
            >
              <strong>{t.number === null ? 'New' : `#${t.number}`}</strong> {t.subject}
              <span className="muted"> — {statusText(t)}</span>
            </button>
          </li>
        ))}
      </ul>
      {current && <TicketThread ticket={current} />}
    </div>
  );
}

function TicketThread({ ticket }: { ticket: MyTicketView }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canReply = ticket.delivery !== 'failed' && ticket.status !== 'closed';

  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError('Please write your answer first.');
    if (text.length > BODY_MAX_CHARS) return setError(`Please shorten your answer to ${BODY_MAX_CHARS} characters.`);
    setBusy(true);
    setError(null);
    window.deskside.replyToTicket(ticket.id, text).then(
      () => {
        setBody('');
        setBusy(false);
      },
      () => {
        setError('Your answer could not be saved. Please try again.');
        setBusy(false);
      },
    );
  };

  return (
    <section className="thread" data-testid="ticket-thread" data-ticket-id={ticket.id} aria-label={`Ticket ${ticket.subject}`}>
      <h2>{ticket.subject}</h2>
      <p className="muted" data-testid="ticket-status">
        {statusText(ticket)} · priority {ticket.priority}
      </p>
      <ol className="messages">
        {ticket.messages.map((m) => (
          <li key={m.id} className={`message from-${m.from}`} data-testid="thread-message" data-from={m.from}>
            <p className="muted">
              {m.from === 'employee' ? 'You' : m.author} · {new Date(m.at).toLocaleString()}
              {m.pending ? ' · waiting to be sent' : ''}
            </p>
            <p className="body">{m.body}</p>
          </li>
        ))}
      </ol>
      {canReply && (
        <form onSubmit={send} noValidate>
          <label htmlFor="reply-body">{ticket.status === 'resolved' ? 'Not fixed? Answer to reopen it' : 'Your answer'}</label>
          <textarea
            id="reply-body"
            data-testid="reply-body"
            rows={3}
            value={body}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'reply-error' : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          {error && (
            <p id="reply-error" className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" data-testid="reply-send" disabled={busy}>
            {busy ? 'Sending…' : 'Send answer'}
          </button>
        </form>
      )}
    </section>
  );
}
