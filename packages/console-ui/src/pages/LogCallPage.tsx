import {
  ImpactSchema,
  priorityOf,
  TicketCategorySchema,
  TicketCreateRequestSchema,
  UrgencySchema,
  type DeviceSummary,
  type Impact,
  type TicketCategory,
  type TicketCreateRequest,
  type Urgency,
} from '@deskside/protocol';
import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { ticketPath } from '../app/routes.js';
import { navigate } from '../app/use-hash-route.js';
import { revealControlsText } from '../format/reveal-controls.js';
import { ticketErrorText } from '../format/ticket-errors.js';
import { LEVEL_LABELS, PRIORITY_LABELS, TICKET_CATEGORY_LABELS } from '../format/ticket-text.js';
import { lookUpCaller, type CallerMatch } from '../state/caller-lookup.js';
import type { TicketsView } from '../state/use-tickets.js';

export interface LogCallPageProps {
  api: HttpClient;
  tickets: TicketsView;
  devices: readonly DeviceSummary[];
}

/**
 * "Log a call" (`#/tickets/call`): the caller found by name, e-mail or PC while they talk, a
 * running timer, the notes, category and priority on one screen; Ctrl+Enter saves a phone ticket
 * with the call's length as time spent.
 */
export function LogCallPage({ api, tickets, devices }: LogCallPageProps) {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [query, setQuery] = useState('');
  const [caller, setCaller] = useState<CallerMatch | null>(null);
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [impact, setImpact] = useState<Impact>('medium');
  const [urgency, setUrgency] = useState<Urgency>('medium');
  const [category, setCategory] = useState<TicketCategory>('other');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = useMemo(() => (caller ? [] : lookUpCaller(query, devices, tickets.state.byId.values())), [caller, query, devices, tickets.state.byId]);

  useEffect(() => {
    document.title = 'Log a call · Deskside';
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      document.title = 'Deskside console';
    };
  }, []);

  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));

  const save = () => {
    // A picked PC with nobody assigned leaves the name to the hub (the technician); typed text is a name.
    const name = caller ? caller.name : query.trim() || null;
    const request: TicketCreateRequest = {
      subject: subject.trim(),
      description: notes.trim() || subject.trim(),
      impact,
      urgency,
      category,
      channel: 'phone',
      // A call that was picked up counts as at least a minute.
      timeSpentMinutes: Math.min(24 * 60, Math.max(1, Math.round(seconds / 60))),
      ...(caller?.deviceId ? { deviceId: caller.deviceId } : {}),
      ...(name ? { requester: { name, email: caller?.email ?? null } } : {}),
    };
    const checked = TicketCreateRequestSchema.safeParse(request);
    if (!checked.success) {
      setError('Say what the call is about (the subject).');
      return;
    }
    setBusy(true);
    setError(null);
    api.createTicket(checked.data).then(
      (ticket) => {
        tickets.upsert(ticket);
        navigate(ticketPath(ticket.id));
      },
      (err: unknown) => {
        setBusy(false);
        setError(ticketErrorText(err, 'Logging the call'));
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const saveOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/tickets">Tickets</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Log a call</span>
      </nav>
      <div className="page-header">
        <h1>Log a call</h1>
        <p className="page-meta">
          On the phone for{' '}
          <strong data-testid="call-timer" aria-live="off">
            {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
          </strong>{' '}
          · Ctrl+Enter saves
        </p>
      </div>
      <form className="panel new-ticket-form" onSubmit={submit} onKeyDown={saveOnCtrlEnter} data-testid="log-call-form">
        {caller ? (
          <p className="call-caller" data-testid="call-caller">
            <span>Caller:</span>
            <strong>
              {caller.name ?? 'Unknown person'}
              {caller.email ? ` <${caller.email}>` : ''}
              {caller.hostname ? ` · ${revealControlsText(caller.hostname)}` : ''}
            </strong>{' '}
            <button type="button" className="button button-quiet" onClick={() => setCaller(null)}>
              Change
            </button>
          </p>
        ) : (
          <label className="field">
            <span>Caller (name, e-mail or PC)</span>
            <input
              data-testid="call-lookup"
              autoFocus
              maxLength={128}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && matches[0]) {
                  e.preventDefault();
                  setCaller(matches[0]);
                }
              }}
            />
          </label>
        )}
        {matches.length > 0 && (
          <ul className="caller-matches" data-testid="call-matches" aria-label="Matching callers">
            {matches.map((m) => (
              <li key={m.key}>
                <button type="button" className="button button-quiet" onClick={() => setCaller(m)}>
                  {m.name ?? 'Unknown person'}
                  {m.email ? ` <${m.email}>` : ''}
                  {m.hostname ? ` · ${revealControlsText(m.hostname)}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="field">
          <span>Subject</span>
          <input data-testid="call-subject" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label className="field">
          <span>Notes</span>
          <textarea data-testid="call-notes" rows={6} maxLength={8000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <div className="form-row">
          <Choice label="Impact" value={impact} options={ImpactSchema.options} labels={LEVEL_LABELS} onChange={(v) => setImpact(ImpactSchema.parse(v))} />
          <Choice label="Urgency" value={urgency} options={UrgencySchema.options} labels={LEVEL_LABELS} onChange={(v) => setUrgency(UrgencySchema.parse(v))} />
          <Choice label="Category" value={category} options={TicketCategorySchema.options} labels={TICKET_CATEGORY_LABELS} onChange={(v) => setCategory(TicketCategorySchema.parse(v))} />
          <p className="field priority-preview">
            <span>Priority</span>
            <strong>{PRIORITY_LABELS[priorityOf(impact, urgency)]}</strong>
          </p>
        </div>
        {error !== null && (
          <p className="form-error" role="alert" data-testid="call-error">
            {error}
          </p>
        )}
        <div className="inline-form-actions">
          <a className="button button-quiet" href="#/tickets">
            Cancel
          </a>
          <button type="submit" className="button button-primary" data-testid="call-save" disabled={busy}>
            {busy ? 'Saving…' : 'Save the call as a ticket'}
          </button>
        </div>
      </form>
    </>
  );
}

function Choice<T extends string>(props: { label: string; value: T; options: readonly T[]; labels: Record<T, string>; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
