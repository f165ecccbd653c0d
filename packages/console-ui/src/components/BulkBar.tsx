import type { Technician, Ticket } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { planBulk, type BulkAction } from '../state/bulk-plan.js';
import { ticketErrorText } from '../format/ticket-errors.js';

export interface BulkBarProps {
  selected: readonly Ticket[];
  api: HttpClient;
  me: { id: string; name: string };
  onDone: (updated: Ticket[]) => void;
  onClear: () => void;
}

/** Appears when tickets are selected: pick an action, read what will change, confirm. */
export function BulkBar({ selected, api, me, onDone, onClear }: BulkBarProps) {
  const [technicians, setTechnicians] = useState<Technician[]>([]);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listTechnicians().then(setTechnicians, () => setTechnicians([]));
  }, [api]);
  const plan = action ? planBulk(selected, action) : null;

  const run = async () => {
    if (!action || !plan) return;
    const updated: Ticket[] = [];
    const failed: string[] = [];
    for (const [i, { ticket }] of plan.changes.entries()) {
      setBusy(`${i + 1} of ${plan.changes.length}…`);
      try {
        const t =
          action.kind === 'assign'
            ? await api.assignTicket(ticket.id, action.assigneeId)
            : action.kind === 'status'
              ? action.status === 'resolved'
                ? await api.resolveTicket(ticket.id, 'Resolved in bulk from the queue.')
                : await api.setTicketStatus(ticket.id, action.status)
              : await api.mergeTicket(ticket.id, action.intoId);
        updated.push(t);
      } catch (err) {
        failed.push(`#${ticket.number}: ${ticketErrorText(err, 'The change')}`);
      }
    }
    setBusy(null);
    setAction(null);
    setError(failed.length > 0 ? `${failed.length} not changed — ${failed.join('; ')}` : null);
    onDone(updated);
  };

  const choose = (value: string) => {
    setError(null);
    if (value === '') return setAction(null);
    const [kind, arg] = value.split(':');
    if (kind === 'assign') {
      const tech = technicians.find((t) => t.id === arg);
      setAction(arg === 'none' ? { kind: 'assign', assigneeId: null, assigneeName: 'nobody (unassign)' } : { kind: 'assign', assigneeId: arg ?? me.id, assigneeName: arg === me.id ? `${me.name} (me)` : tech?.displayName || tech?.username || 'them' });
    } else if (kind === 'status' && (arg === 'open' || arg === 'pending' || arg === 'resolved' || arg === 'closed')) setAction({ kind: 'status', status: arg });
    else if (kind === 'merge' && arg) setAction({ kind: 'merge', intoId: arg });
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions" data-testid="bulk-bar">
      <strong>{selected.length} selected</strong>
      <label className="bulk-field">
        <span className="visually-hidden">Action</span>
        <select data-testid="bulk-action" value="" onChange={(e) => choose(e.target.value)} disabled={busy !== null}>
          <option value="">Choose an action…</option>
          <optgroup label="Assign">
            <option value={`assign:${me.id}`}>Assign to me</option>
            {technicians.filter((t) => t.id !== me.id).map((t) => (
              <option key={t.id} value={`assign:${t.id}`}>
                Assign to {t.displayName || t.username}
              </option>
            ))}
            <option value="assign:none">Unassign</option>
          </optgroup>
          <optgroup label="Status">
            <option value="status:open">Set to open</option>
            <option value="status:pending">Set to waiting on requester</option>
            <option value="status:resolved">Resolve</option>
            <option value="status:closed">Close</option>
          </optgroup>
          {selected.length > 1 && (
            <optgroup label="Merge">
              {selected.map((t) => (
                <option key={t.id} value={`merge:${t.id}`}>
                  Merge the others into #{t.number}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <button type="button" className="button button-quiet" onClick={onClear} disabled={busy !== null}>
        Clear selection
      </button>
      {plan && (
        <div className="bulk-confirm" data-testid="bulk-summary">
          <p>{plan.summary}</p>
          <ul>
            {plan.changes.slice(0, 8).map((c) => (
              <li key={c.ticket.id}>
                #{c.ticket.number}: {c.from} → {c.to}
              </li>
            ))}
            {plan.changes.length > 8 && <li>… and {plan.changes.length - 8} more</li>}
          </ul>
          <button type="button" className="button button-primary" data-testid="bulk-confirm" onClick={() => void run()} disabled={busy !== null || plan.changes.length === 0}>
            {busy ?? 'Apply'}
          </button>{' '}
          <button type="button" className="button" onClick={() => setAction(null)} disabled={busy !== null}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
