import type { Technician, Ticket } from '@deskside/protocol';
import { useState } from 'react';
import { InlineForm } from './InlineForm.js';
import { MergeForm } from './MergeForm.js';
import { revealControlsText } from '../format/reveal-controls.js';

/** What the ticket page can ask the hub to do; each resolves true when the hub took it. */
export interface TicketCommands {
  assign(assigneeId: string | null): Promise<boolean>;
  escalate(tier: 1 | 2 | 3, note: string): Promise<boolean>;
  resolve(note: string): Promise<boolean>;
  reopen(): Promise<boolean>;
  setPending(): Promise<boolean>;
  setOpen(): Promise<boolean>;
  logTime(minutes: number): Promise<boolean>;
  merge(intoId: string): Promise<boolean>;
}

export interface TicketActionsPanelProps {
  ticket: Ticket;
  meId: string;
  /** Assignable people; null: this person may not list users, so only "assign to me". */
  technicians: readonly Technician[] | null;
  /** Tickets to merge into (the live queue). */
  candidates: readonly Ticket[];
  busy: boolean;
  commands: TicketCommands;
}

/** Assign, escalate, status, resolve / reopen, log time, merge. */
export function TicketActionsPanel({ ticket, meId, technicians, candidates, busy, commands }: TicketActionsPanelProps) {
  const [assignee, setAssignee] = useState('');
  const [tier, setTier] = useState<1 | 2 | 3>(ticket.tier < 3 ? ((ticket.tier + 1) as 2 | 3) : 3);
  const [handOff, setHandOff] = useState('');
  const [resolution, setResolution] = useState('');
  const [minutes, setMinutes] = useState('15');
  const closed = ticket.status === 'closed';
  const done = closed || ticket.status === 'resolved';
  const minuteCount = Number.parseInt(minutes, 10);

  return (
    <section className="panel ticket-actions" aria-labelledby="ticket-actions-title">
      <h2 id="ticket-actions-title">Actions</h2>
      <div className="action-group">
        {ticket.assigneeId !== meId && (
          <button type="button" className="button" data-testid="ticket-assign-me" disabled={busy || closed} onClick={() => void commands.assign(meId)}>
            Assign to me
          </button>
        )}
        {technicians !== null && (
          <div className="assign-picker">
            <select aria-label="Assign to a technician" data-testid="ticket-assignee" value={assignee} disabled={busy || closed} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Assign to…</option>
              <option value="none">Nobody (unassign)</option>
              {technicians.map((u) => (
                <option key={u.id} value={u.id}>
                  {revealControlsText(u.displayName || u.username)}
                  {u.tier !== null ? ` · tier ${u.tier}` : ''}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              data-testid="ticket-assign"
              disabled={busy || closed || assignee === ''}
              onClick={() => void commands.assign(assignee === 'none' ? null : assignee).then((ok) => ok && setAssignee(''))}
            >
              Assign
            </button>
          </div>
        )}
      </div>
      <div className="action-group">
        {ticket.status === 'pending' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void commands.setOpen()} data-testid="ticket-set-open">
            Back to open
          </button>
        ) : (
          !done && (
            <button type="button" className="button" disabled={busy} onClick={() => void commands.setPending()} data-testid="ticket-set-pending" title="Waiting on the employee: the SLA clock pauses">
              Mark pending
            </button>
          )
        )}
        {ticket.status === 'resolved' && (
          <button type="button" className="button" disabled={busy} onClick={() => void commands.reopen()} data-testid="ticket-reopen">
            Reopen
          </button>
        )}
        {!done && (
          <InlineForm
            label="Resolve…"
            testId="ticket-resolve-open"
            submitLabel="Resolve"
            submitTestId="ticket-resolve"
            primary
            disabled={busy}
            canSubmit={resolution.trim() !== ''}
            onSubmit={() => commands.resolve(resolution.trim()).then((ok) => (ok && setResolution(''), ok))}
          >
            <label className="field">
              <span>Resolution note (the employee sees it)</span>
              <textarea data-testid="ticket-resolve-note" rows={3} maxLength={8000} required value={resolution} onChange={(e) => setResolution(e.target.value)} />
            </label>
          </InlineForm>
        )}
      </div>
      <div className="action-group">
        {!closed && ticket.tier < 3 && (
          <InlineForm
            label="Escalate…"
            testId="ticket-escalate-open"
            submitLabel="Escalate"
            submitTestId="ticket-escalate"
            disabled={busy}
            canSubmit={handOff.trim() !== '' && tier !== ticket.tier}
            onSubmit={() => commands.escalate(tier, handOff.trim()).then((ok) => (ok && setHandOff(''), ok))}
          >
            <label className="field">
              <span>To tier</span>
              <select data-testid="ticket-escalate-tier" value={tier} onChange={(e) => setTier(e.target.value === '3' ? 3 : e.target.value === '2' ? 2 : 1)}>
                {[1, 2, 3].filter((t) => t !== ticket.tier).map((t) => (
                  <option key={t} value={t}>
                    Tier {t}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Hand-off note (internal, required)</span>
              <textarea data-testid="ticket-escalate-note" rows={3} maxLength={2000} required value={handOff} onChange={(e) => setHandOff(e.target.value)} />
            </label>
          </InlineForm>
        )}
        <InlineForm
          label="Log time…"
          testId="ticket-time-open"
          submitLabel="Log"
          submitTestId="ticket-time"
          disabled={busy || closed}
          canSubmit={Number.isInteger(minuteCount) && minuteCount >= 1 && minuteCount <= 1440}
          onSubmit={() => commands.logTime(minuteCount)}
        >
          <label className="field">
            <span>Minutes spent</span>
            <input data-testid="ticket-time-minutes" type="number" min={1} max={1440} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </label>
        </InlineForm>
        {!closed && <MergeForm ticket={ticket} candidates={candidates} busy={busy} onMerge={commands.merge} />}
      </div>
    </section>
  );
}
