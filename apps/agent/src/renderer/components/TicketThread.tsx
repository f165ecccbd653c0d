import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../i18n.js';
import { BODY_MAX_CHARS, type MyTicketView } from '../../common/bridge-api.js';
import { formatDateTime } from '../format.js';
import { needsAttention, statusWord } from '../ticket-status.js';
import { ConfirmFix } from './ConfirmFix.js';
import { describedBy, Field } from './fields.js';
import { RateHelp } from './RateHelp.js';

/** One request as a conversation: who wrote what and when, newest at the bottom, and the answer box. */
export function TicketThread({ ticket, onBack }: { ticket: MyTicketView; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const word = statusWord(ticket);
  const canReply = ticket.delivery !== 'failed' && ticket.status !== 'closed';

  useEffect(() => heading.current?.focus(), [ticket.id]);

  return (
    <section className="thread" data-testid="ticket-thread" data-ticket-id={ticket.id} aria-labelledby="thread-title">
      <button type="button" className="link-button back" onClick={onBack} data-testid="thread-back">
        ← {t('tickets.back')}
      </button>
      <h2 id="thread-title" tabIndex={-1} ref={heading}>
        {ticket.subject}
      </h2>
      <p data-testid="ticket-status">
        <span className={needsAttention(word) ? 'tag attention' : 'tag'}>{t(`tickets.status.${word}`)}</span>{' '}
        <span className="muted">{ticket.number === null ? t('tickets.newRequest') : t('tickets.reference', { reference: `#${ticket.number}` })}</span>
      </p>
      <ol className="messages" aria-live="polite">
        {ticket.messages.map((m) => (
          <li key={m.id} className={`message from-${m.from}`} data-testid="thread-message" data-from={m.from}>
            <p className="who">
              <strong>{m.from === 'employee' ? t('tickets.you') : m.author || t('tickets.helpDesk')}</strong> · {formatDateTime(m.at, localeFor(i18n.language))}
              {m.pending ? ` · ${t('tickets.waitingToSend')}` : ''}
            </p>
            <p className="body">{m.body}</p>
          </li>
        ))}
      </ol>
      {ticket.askConfirm && <ConfirmFix ticket={ticket} />}
      {((ticket.status === 'resolved' && !ticket.askConfirm) || ticket.status === 'closed') && ticket.delivery === 'sent' && <RateHelp ticket={ticket} />}
      {canReply && !ticket.askConfirm ? <ReplyForm ticketId={ticket.id} /> : ticket.status === 'closed' && <p className="muted">{t('tickets.closedNote')}</p>}
    </section>
  );
}

function ReplyForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError(t('tickets.answerMissing'));
    if (text.length > BODY_MAX_CHARS) return setError(t('tickets.answerTooLong', { max: BODY_MAX_CHARS }));
    setBusy(true);
    setError(null);
    window.deskside.replyToTicket(ticketId, text).then(
      () => {
        setBody('');
        setBusy(false);
      },
      () => {
        setError(t('tickets.answerFailed'));
        setBusy(false);
      },
    );
  };

  return (
    <form onSubmit={send} noValidate aria-busy={busy}>
      <Field id="reply-body" label={t('tickets.answer')} hint={t('tickets.answerHint')} error={error ?? undefined}>
        <textarea
          id="reply-body"
          data-testid="reply-body"
          rows={3}
          value={body}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy('reply-body', true, Boolean(error))}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      <button type="submit" className="button" data-testid="reply-send" disabled={busy}>
        {busy ? t('tickets.sending') : t('tickets.send')}
      </button>
    </form>
  );
}
