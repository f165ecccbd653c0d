import {
  ImpactSchema,
  priorityOf,
  TicketCategorySchema,
  TicketCreateRequestSchema,
  UrgencySchema,
  type Alert,
  type DeviceSummary,
  type Impact,
  type TicketCategory,
  type TicketCreateRequest,
  type Urgency,
} from '@deskside/protocol';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { ticketPath } from '../app/routes.js';
import { navigate } from '../app/use-hash-route.js';
import { revealControlsText } from '../format/reveal-controls.js';
import { formatDateTime } from '../format/relative-time.js';
import { ticketErrorText } from '../format/ticket-errors.js';
import { LEVEL_LABELS, PRIORITY_LABELS, TICKET_CATEGORY_LABELS } from '../format/ticket-text.js';
import type { TicketsView } from '../state/use-tickets.js';

export interface NewTicketPageProps {
  api: HttpClient;
  tickets: TicketsView;
  /** The live fleet, to pick the caller's PC. */
  devices: readonly DeviceSummary[];
  /** Open the form for this device (`#/tickets/new?device=`). */
  deviceId?: string | undefined;
  /** Open the form from this alert (`#/tickets/new?alert=`): prefilled, and the alert linked once created. */
  alert?: Alert | undefined;
}

/** A technician turns a phone call or an email into a ticket. */
export function NewTicketPage({ api, tickets, devices, deviceId: initialDevice, alert }: NewTicketPageProps) {
  const [subject, setSubject] = useState(alert ? alert.message.slice(0, 200) : '');
  const [description, setDescription] = useState(alert ? alertDescription(alert) : '');
  const [impact, setImpact] = useState<Impact>('medium');
  const [urgency, setUrgency] = useState<Urgency>(alert?.severity === 'critical' ? 'high' : 'medium');
  const [category, setCategory] = useState<TicketCategory>('other');
  const [deviceId, setDeviceId] = useState(alert?.deviceId ?? initialDevice ?? '');
  const [requesterName, setRequesterName] = useState('');
  const [requesterEmail, setRequesterEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sortedDevices = useMemo(() => [...devices].sort((a, b) => a.hostname.localeCompare(b.hostname)), [devices]);

  useEffect(() => {
    document.title = 'New ticket · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: TicketCreateRequest = {
      subject: subject.trim(),
      description: description.trim(),
      impact,
      urgency,
      category,
      ...(deviceId ? { deviceId } : {}),
      ...(requesterName.trim() ? { requester: { name: requesterName.trim(), email: requesterEmail.trim() || null } } : {}),
    };
    // The hub checks it again; checking here says what is wrong before anything is sent.
    const checked = TicketCreateRequestSchema.safeParse(request);
    if (!checked.success) {
      setError(checked.error.issues[0]?.path.includes('email') ? 'The requester’s email address is not valid.' : 'Fill in the subject and the description.');
      return;
    }
    setBusy(true);
    setError(null);
    api.createTicket(checked.data).then(
      async (ticket) => {
        tickets.upsert(ticket);
        // From an alert: link it, so the alert shows its ticket and the ticket its alert.
        if (alert) await api.linkAlertToTicket(ticket.id, alert.id).then(tickets.upsert, () => undefined);
        navigate(ticketPath(ticket.id));
      },
      (err: unknown) => {
        setBusy(false);
        setError(ticketErrorText(err, 'Creating the ticket'));
      },
    );
  };

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/tickets">Tickets</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">New ticket</span>
      </nav>
      <div className="page-header">
        <h1>New ticket</h1>
        <p className="page-meta">{alert ? 'From an alert: the alert is linked to the ticket once created.' : 'For a request that came by phone or email.'}</p>
      </div>
      <form className="panel new-ticket-form" onSubmit={submit} data-testid="new-ticket-form">
        <label className="field">
          <span>Subject</span>
          <input data-testid="new-ticket-subject" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea data-testid="new-ticket-description" required rows={6} maxLength={8000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="form-row">
          <Choice label="Impact" testId="new-ticket-impact" value={impact} options={ImpactSchema.options} labels={LEVEL_LABELS} onChange={(v) => setImpact(ImpactSchema.parse(v))} />
          <Choice label="Urgency" testId="new-ticket-urgency" value={urgency} options={UrgencySchema.options} labels={LEVEL_LABELS} onChange={(v) => setUrgency(UrgencySchema.parse(v))} />
          <Choice label="Category" testId="new-ticket-category" value={category} options={TicketCategorySchema.options} labels={TICKET_CATEGORY_LABELS} onChange={(v) => setCategory(TicketCategorySchema.parse(v))} />
          <p className="field priority-preview" data-testid="new-ticket-priority">
            <span>Priority</span>
            <strong>{PRIORITY_LABELS[priorityOf(impact, urgency)]}</strong>
          </p>
        </div>
        <label className="field">
          <span>Device (optional)</span>
          <select data-testid="new-ticket-device" value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
            <option value="">No device</option>
            {sortedDevices.map((d) => (
              <option key={d.id} value={d.id}>
                {revealControlsText(d.hostname)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-row">
          <label className="field">
            <span>Requester name (optional; you, if empty)</span>
            <input data-testid="new-ticket-requester" maxLength={128} value={requesterName} onChange={(e) => setRequesterName(e.target.value)} />
          </label>
          <label className="field">
            <span>Requester email</span>
            <input data-testid="new-ticket-email" type="email" maxLength={254} value={requesterEmail} disabled={requesterName.trim() === ''} onChange={(e) => setRequesterEmail(e.target.value)} />
          </label>
        </div>
        {error !== null && (
          <p className="form-error" role="alert" data-testid="new-ticket-error">
            {error}
          </p>
        )}
        <div className="inline-form-actions">
          <a className="button button-quiet" href="#/tickets">
            Cancel
          </a>
          <button type="submit" className="button button-primary" data-testid="new-ticket-submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create ticket'}
          </button>
        </div>
      </form>
    </>
  );
}

function Choice<T extends string>(props: { label: string; testId: string; value: T; options: readonly T[]; labels: Record<T, string>; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}

function alertDescription(alert: Alert): string {
  return `${alert.severity === 'critical' ? 'Critical' : alert.severity === 'warning' ? 'Warning' : 'Info'} alert on ${alert.hostname}, raised ${formatDateTime(alert.raisedAt)}:\n${alert.message}`;
}
