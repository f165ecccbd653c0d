import type { Incident } from '@deskside/protocol';
import { useState } from 'react';
import { InlineForm } from './InlineForm.js';
import { TICKET_CATEGORY_LABELS } from '../format/ticket-text.js';

export interface IncidentBannerProps {
  incident: Incident;
  busy: boolean;
  onReplyAll: (body: string) => Promise<boolean>;
  onResolveAll: (note: string) => Promise<boolean>;
}

/** This ticket is one of several about the same thing: answer or resolve them all at once. */
export function IncidentBanner({ incident, busy, onReplyAll, onResolveAll }: IncidentBannerProps) {
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const open = incident.status === 'open';
  return (
    <section className={`incident-banner${open ? '' : ' incident-resolved'}`} data-testid="incident-banner" aria-label="Incident">
      <p className="incident-text">
        <strong>{open ? 'Part of an open incident' : 'Part of a resolved incident'}</strong>: {incident.ticketIds.length} {TICKET_CATEGORY_LABELS[incident.category].toLowerCase()}{' '}
        ticket{incident.ticketIds.length === 1 ? '' : 's'}
        {incident.network !== null ? ` from ${incident.network}` : ' from one site'}.
      </p>
      {open && (
        <div className="incident-actions">
          <InlineForm
            label="Reply to all…"
            testId="incident-reply-open"
            submitLabel="Send to all"
            submitTestId="incident-reply"
            disabled={busy}
            canSubmit={reply.trim() !== ''}
            onSubmit={() => onReplyAll(reply.trim()).then((ok) => (ok && setReply(''), ok))}
          >
            <label className="field">
              <span>Public reply to every ticket of the incident</span>
              <textarea rows={3} maxLength={8000} value={reply} onChange={(e) => setReply(e.target.value)} />
            </label>
          </InlineForm>
          <InlineForm
            label="Resolve all…"
            testId="incident-resolve-open"
            submitLabel="Resolve all"
            submitTestId="incident-resolve"
            disabled={busy}
            canSubmit={note.trim() !== ''}
            onSubmit={() => onResolveAll(note.trim()).then((ok) => (ok && setNote(''), ok))}
          >
            <label className="field">
              <span>Resolution note for every ticket</span>
              <textarea rows={3} maxLength={8000} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
          </InlineForm>
        </div>
      )}
    </section>
  );
}
