import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../i18n.js';
import type { MyTicketView } from '../../common/bridge-api.js';
import { formatRelative } from '../format.js';
import { hasUnread, markSeen, readSeen } from '../seen-store.js';
import { needsAttention, statusWord } from '../ticket-status.js';
import { TicketThread } from './TicketThread.js';

const newestFirst = (a: MyTicketView, b: MyTicketView) => (a.updatedAt < b.updatedAt ? 1 : -1);

/** The employee's requests, newest activity first; opening one shows its conversation. */
export function MyTickets({ initialTicketId }: { initialTicketId: string | null }) {
  const { t, i18n } = useTranslation();
  const [tickets, setTickets] = useState<MyTicketView[] | null>(null);
  const [selected, setSelected] = useState<string | null>(initialTicketId);
  const [failed, setFailed] = useState(false);
  const [seen, setSeen] = useState(readSeen);

  useEffect(() => {
    let live = true;
    const load = () =>
      window.deskside.listMyTickets().then(
        (list) => {
          if (!live) return;
          setTickets([...list].sort(newestFirst));
          setFailed(false);
        },
        () => live && setFailed(true),
      );
    void load();
    const offUpdate = window.deskside.onTicketUpdated((ticket) => {
      setTickets((current) => [ticket, ...(current ?? []).filter((t) => t.id !== ticket.id)].sort(newestFirst));
    });
    const offShow = window.deskside.onShowTicket((id) => setSelected(id));
    return () => {
      live = false;
      offUpdate();
      offShow();
    };
  }, []);

  const current = tickets?.find((t) => t.id === selected) ?? null;
  useEffect(() => {
    if (current) setSeen(markSeen(current));
  }, [current]);

  if (failed)
    return (
      <div className="error-summary" role="alert">
        <h2>{t('app.errorSummaryTitle')}</h2>
        <p>{t('tickets.failed')}</p>
      </div>
    );
  if (tickets === null) return <p className="muted">{t('tickets.loading')}</p>;
  if (current) return <TicketThread ticket={current} onBack={() => setSelected(null)} />;
  if (tickets.length === 0)
    return (
      <p className="lead" data-testid="tickets-empty">
        {t('tickets.empty', { app: t('app.name') })}
      </p>
    );

  return (
    <ul className="ticket-list" aria-label={t('tickets.listLabel')}>
      {tickets.map((ticket) => {
        const word = statusWord(ticket);
        const unread = hasUnread(ticket, seen);
        return (
          <li key={ticket.id}>
            <button type="button" data-testid="ticket-row" data-ticket-id={ticket.id} data-status={ticket.status} data-unread={String(unread)} onClick={() => setSelected(ticket.id)}>
              <span className="subject">{ticket.subject}</span>
              <span>
                {unread && <span className="tag unread">{t('tickets.unread')}</span>}{' '}
                <span className={needsAttention(word) ? 'tag attention' : 'tag'}>{t(`tickets.status.${word}`)}</span>
              </span>
              <span className="meta">
                {ticket.number === null ? t('tickets.newRequest') : t('tickets.reference', { reference: `#${ticket.number}` })} ·{' '}
                {t('tickets.updated', { when: formatRelative(ticket.updatedAt, localeFor(i18n.language)) })}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
