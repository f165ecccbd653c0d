import { articleReplyText, type ArticleSummary, type TicketKb } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';

const RELATION: Record<TicketKb['linked'][number]['relation'], string> = {
  source: 'written from this ticket',
  'read-before-asking': 'read by the employee before asking',
  'linked-in-reply': 'linked in a reply',
};

/**
 * The knowledge base beside a ticket: articles suggested from its text (insert one into the reply),
 * the ones already tied to it, and "Create an article from this ticket".
 */
export function TicketKbPanel({ api, ticketId, resolved, onInsert }: { api: HttpClient; ticketId: string; resolved: boolean; onInsert: (text: string) => void }) {
  const [kb, setKb] = useState<TicketKb | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    api.ticketKb(ticketId).then(
      (value) => !cancelled && setKb(value),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [api, ticketId]);
  const insert = (a: ArticleSummary) => {
    onInsert(articleReplyText(window.location.origin, a));
    void api.recordKbLink(ticketId, a.id).catch(() => undefined);
  };
  return (
    <section className="panel" aria-labelledby="ticket-kb-title" data-testid="ticket-kb">
      <h2 id="ticket-kb-title">Knowledge base</h2>
      {failed && <p className="muted">Suggestions are unavailable right now.</p>}
      {kb === null && !failed && <p className="muted">Looking for articles…</p>}
      {kb !== null && kb.linked.length > 0 && (
        <ul className="kb-ticket-list">
          {kb.linked.map((a) => (
            <li key={`${a.id}-${a.relation}`}>
              <a href={`#/kb/${encodeURIComponent(a.id)}`}>{a.title}</a> <span className="muted">— {RELATION[a.relation]}</span>
            </li>
          ))}
        </ul>
      )}
      {kb !== null && (
        <>
          <h3>Suggested</h3>
          {kb.suggested.length === 0 ? (
            <p className="muted">No published article matches this ticket.</p>
          ) : (
            <ul className="kb-ticket-list" data-testid="ticket-kb-suggested">
              {kb.suggested.map((a) => (
                <li key={a.id}>
                  <a href={`#/kb/${encodeURIComponent(a.id)}`}>{a.title}</a>
                  <button type="button" className="button button-quiet" data-testid="ticket-kb-insert" onClick={() => insert(a)}>
                    Insert in reply
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <a className={resolved ? 'button button-primary' : 'button'} href={`#/kb/new?ticket=${encodeURIComponent(ticketId)}`} data-testid="ticket-kb-create">
        Create an article from this ticket
      </a>
    </section>
  );
}
