import type { Ticket } from '@deskside/protocol';
import { useMemo, useState } from 'react';
import { InlineForm } from './InlineForm.js';
import { SafeText } from './SafeText.js';
import { ticketNumber } from '../format/ticket-text.js';

export interface MergeFormProps {
  ticket: Ticket;
  /** Open tickets to merge into. */
  candidates: readonly Ticket[];
  busy: boolean;
  onMerge: (intoId: string) => Promise<boolean>;
}

/** Merge this ticket (a duplicate) into another, found by its number. */
export function MergeForm({ ticket, candidates, busy, onMerge }: MergeFormProps) {
  const [search, setSearch] = useState('');
  const number = Number.parseInt(search.replace(/^#/, ''), 10);
  const target = useMemo(
    () => (Number.isInteger(number) ? candidates.find((t) => t.number === number && t.id !== ticket.id && t.status !== 'closed' && t.mergedIntoId === null) : undefined),
    [candidates, number, ticket.id],
  );
  return (
    <InlineForm
      label="Merge…"
      testId="ticket-merge-open"
      submitLabel="Merge"
      submitTestId="ticket-merge"
      disabled={busy}
      canSubmit={target !== undefined}
      onSubmit={() => (target ? onMerge(target.id) : Promise.resolve(false))}
      onCancel={() => setSearch('')}
    >
      <label className="field">
        <span>Merge into ticket number</span>
        <input data-testid="ticket-merge-number" inputMode="numeric" placeholder="#1042" maxLength={12} value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <p className="muted merge-target" role="status" data-testid="ticket-merge-target">
        {search.trim() === '' ? (
          'This ticket closes; its thread continues in the other one.'
        ) : target ? (
          <>
            {ticketNumber(target.number)} <SafeText value={target.subject} />
          </>
        ) : (
          'No open ticket with that number.'
        )}
      </p>
    </InlineForm>
  );
}
