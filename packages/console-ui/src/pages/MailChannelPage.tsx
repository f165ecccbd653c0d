import type { MailboxHealth, OutgoingMailSummary } from '@deskside/protocol';
import { useCallback } from 'react';
import type { IntegrationsApi } from '../api/integrations-api.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { SafeText } from '../components/SafeText.js';
import { useNow } from '../app/use-now.js';
import { useAdminLoad } from './use-admin-load.js';

const MAILBOX_STATE: Record<MailboxHealth['state'], string> = { starting: 'Starting', ok: 'Working', failing: 'Failing' };
const MAIL_STATUS: Record<OutgoingMailSummary['status'], string> = { pending: 'Waiting to send', sent: 'Sent', dead: 'Gave up' };

/** `#/admin/mail`: is e-mail coming in and going out? Each mailbox's state and the latest outgoing mails. */
export function MailChannelPage({ api }: { api: IntegrationsApi }) {
  const status = useAdminLoad(useCallback(() => api.mailChannel(), [api]));
  const data = status.data;
  const now = useNow(15_000);
  return (
    <section aria-labelledby="mail-title">
      <h1 id="mail-title">E-mail channel</h1>
      <p>
        Mail sent to a help desk mailbox becomes a ticket, and replies thread onto it. Mailboxes and the outgoing server are set when the hub starts
        (<code>--mailbox imaps://…</code>, <code>--smtp smtps://…</code>; see the README).
      </p>
      {status.error !== null && (
        <p role="alert" className="form-error">
          <SafeText value={status.error} />{' '}
          <button type="button" className="button button-quiet" onClick={status.reload}>Try again</button>
        </p>
      )}
      {data === null && status.error === null && <p aria-busy="true">Loading…</p>}
      {data !== null && (
        <>
          <h2>Mailboxes</h2>
          {data.mailboxes.length === 0 && (
            <p data-testid="no-mailboxes">No mailbox is read. Start the hub with <code>--mailbox imaps://user:password@mail.example.com/INBOX</code> to take tickets by e-mail.</p>
          )}
          {data.mailboxes.length > 0 && !data.readingHere && (
            <p className="notice">Another hub of this cluster reads the mailboxes; what this hub shows below may be out of date.</p>
          )}
          {data.mailboxes.length > 0 && (
            <div className="table-wrap">
              <table className="data-table" data-testid="mailbox-list">
                <thead><tr><th>Mailbox</th><th>State</th><th>Last attempt</th><th className="num">Mails taken</th><th>Last error</th></tr></thead>
                <tbody>
                  {data.mailboxes.map((m) => (
                    <tr key={m.mailbox}>
                      <td><SafeText value={m.mailbox} /></td>
                      <td><span className={`tag ${m.state === 'failing' ? 'tag-failing' : ''}`} data-testid="mailbox-state">{MAILBOX_STATE[m.state]}</span>{m.failures > 1 ? ` (${m.failures} tries)` : ''}</td>
                      <td>{m.lastPollAt ? <RelativeTime value={m.lastPollAt} now={now} /> : 'Not yet'}</td>
                      <td className="num">{m.taken}</td>
                      <td>{m.lastError ? <SafeText value={m.lastError} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>Outgoing mail</h2>
          {!data.smtp && <p data-testid="no-smtp">No outgoing server: requesters get no mail. Start the hub with <code>--smtp smtps://user:password@smtp.example.com?from=help@example.com</code>.</p>}
          {data.smtp && data.outgoing.length === 0 && <p data-testid="no-outgoing">Nothing sent yet.</p>}
          {data.outgoing.length > 0 && (
            <div className="table-wrap">
              <table className="data-table" data-testid="outgoing-list">
                <thead><tr><th>To</th><th>Subject</th><th>Status</th><th className="num">Tries</th><th>Queued</th><th>Last error</th></tr></thead>
                <tbody>
                  {data.outgoing.map((o) => (
                    <tr key={o.id}>
                      <td><SafeText value={o.to} /></td>
                      <td>{o.ticketId ? <a href={`#/tickets/${encodeURIComponent(o.ticketId)}`}><SafeText value={o.subject} /></a> : <SafeText value={o.subject} />}</td>
                      <td>{MAIL_STATUS[o.status]}</td>
                      <td className="num">{o.attempts}</td>
                      <td><RelativeTime value={o.createdAt} now={now} /></td>
                      <td>{o.lastError ? <SafeText value={o.lastError} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
