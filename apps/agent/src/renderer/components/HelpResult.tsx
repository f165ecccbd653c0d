import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitTicketResult } from '../../common/bridge-api.js';

/** What happened to the request, in one glance: sent (with its reference) or saved for later. */
export function HelpResult({ result, onAnother }: { result: SubmitTicketResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const { queued } = result;
  // The reference arrives with the hub's answer, often a moment after the window said "sent".
  const [ticket, setTicket] = useState(result.ticket);
  useEffect(
    () =>
      window.deskside.onTicketUpdated((update) => {
        if (update.id === result.ticket.id) setTicket(update);
      }),
    [result.ticket.id],
  );
  return (
    <section data-testid="help-result" data-ticket-id={ticket.id} data-queued={String(queued)}>
      <div className={queued ? 'panel queued' : 'panel sent'} role="status">
        <h2>{queued ? t('getHelp.queuedTitle') : t('getHelp.sentTitle')}</h2>
        {!queued && ticket.number !== null && <p>{t('getHelp.sentReference', { reference: `#${ticket.number}` })}</p>}
      </div>
      <p>{queued ? t('getHelp.queuedBody') : t('getHelp.sentBody')}</p>
      <p className="muted">{t('getHelp.followUp', { app: t('app.name') })}</p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onAnother}>
          {t('getHelp.another')}
        </button>
      </div>
    </section>
  );
}
