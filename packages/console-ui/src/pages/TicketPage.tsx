import type { Alert, DeviceSummary, Ticket } from '@deskside/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { TicketHeader } from '../components/TicketHeader.js';
import { useTicketDetail } from './use-ticket-detail.js';
import { useTicketRefs } from './use-ticket-refs.js';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { DeviceContextPanel } from '../components/DeviceContextPanel.js';
import { DiagnosticsPanel } from '../components/DiagnosticsPanel.js';
import { IncidentBanner } from '../components/IncidentBanner.js';
import { ReplyBox } from '../components/ReplyBox.js';
import { ScreenshotView } from '../components/ScreenshotView.js';
import { TicketRating } from '../components/TicketRating.js';
import { TicketActionsPanel, type TicketCommands } from '../components/TicketActionsPanel.js';
import { TicketThread } from '../components/TicketThread.js';
import { TicketKbPanel } from '../components/TicketKbPanel.js';
import { FixPanel } from '../components/fixes/FixPanel.js';
import { ticketErrorText } from '../format/ticket-errors.js';
import { ticketNumber } from '../format/ticket-text.js';
import { revealControlsText } from '../format/reveal-controls.js';
import type { TicketsView } from '../state/use-tickets.js';

export interface TicketPageProps {
  id: string;
  api: HttpClient;
  tickets: TicketsView;
  /** Live unresolved alerts (the device's, to link). */
  alerts: readonly Alert[];
  /** The live fleet, for the device's current state. */
  devices: ReadonlyMap<string, DeviceSummary>;
  me: { id: string; name: string };
}

/** One ticket: header with SLA, the thread and reply box, diagnostics, screenshot, device, actions. */
export function TicketPage({ id, api, tickets, alerts, devices, me }: TicketPageProps) {
  const live = tickets.state.byId.get(id);
  const { state, reload } = useTicketDetail(api, id, live);
  const [incidentGeneration, setIncidentGeneration] = useState(0);
  const refs = useTicketRefs(api, `${live?.incidentId ?? ''}:${incidentGeneration}`);
  const now = useNow(30_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inserted, setInserted] = useState<{ text: string; seq: number } | undefined>(undefined);
  const detail = state.kind === 'loaded' ? state.detail : null;
  const ticket: Ticket | null = newer(live, detail?.ticket);
  const upsert = tickets.upsert;

  useEffect(() => {
    document.title = ticket ? `${ticketNumber(ticket.number)} ${revealControlsText(ticket.subject)} · Deskside` : 'Ticket · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, [ticket]);

  /** Runs one action: one at a time, the answer applied at once, the hub's refusal shown. */
  const run = useCallback(
    async (action: () => Promise<Ticket | null>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const answer = await action();
        if (answer) upsert(answer);
        else reload();
        return true;
      } catch (err) {
        setError(ticketErrorText(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [upsert, reload],
  );

  const commands = useMemo<TicketCommands>(
    () => ({
      assign: (assigneeId) => run(() => api.assignTicket(id, assigneeId)),
      escalate: (tier, note) => run(() => api.escalateTicket(id, tier, note)),
      resolve: (note) => run(() => api.resolveTicket(id, note)),
      reopen: () => run(() => api.reopenTicket(id)),
      setPending: () => run(() => api.setTicketStatus(id, 'pending')),
      setOpen: () => run(() => api.setTicketStatus(id, 'open')),
      logTime: (minutes) => run(() => api.logTicketTime(id, minutes)),
      merge: (intoId) => run(() => api.mergeTicket(id, intoId)),
    }),
    [api, id, run],
  );

  const names = useMemo(() => {
    const map = new Map<string, string>([[me.id, me.name]]);
    for (const u of refs.technicians ?? []) map.set(u.id, u.displayName || u.username);
    if (ticket?.assigneeId && ticket.assigneeName) map.set(ticket.assigneeId, ticket.assigneeName);
    return map;
  }, [me, refs.technicians, ticket?.assigneeId, ticket?.assigneeName]);
  const nameOf = useCallback((userId: string) => names.get(userId), [names]);

  const deviceAlerts = useMemo(() => (ticket?.deviceId ? alerts.filter((a) => a.deviceId === ticket.deviceId && a.state !== 'resolved') : []), [alerts, ticket?.deviceId]);
  const candidates = useMemo(() => [...tickets.state.byId.values()], [tickets.state.byId]);
  const incident = ticket?.incidentId ? refs.incidents.find((i) => i.id === ticket.incidentId) : undefined;
  const incidentRun = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      setIncidentGeneration((n) => n + 1);
      return null;
    });

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/tickets">Tickets</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{ticket ? ticketNumber(ticket.number) : 'Ticket'}</span>
      </nav>
      {state.kind === 'loading' && !ticket && (
        <p className="panel muted" role="status">
          Loading ticket…
        </p>
      )}
      {state.kind === 'error' && !ticket && (
        <div className="panel error-panel" role="alert" data-testid="ticket-error">
          <p>{state.message}</p>
          <p>{state.notFound ? <a href="#/tickets">Back to the queue</a> : <button type="button" className="button" onClick={reload}>Try again</button>}</p>
        </div>
      )}
      {ticket && (
        <>
          <TicketHeader ticket={ticket} now={now} />
          {incident && (
            <IncidentBanner
              incident={incident}
              busy={busy}
              onReplyAll={(body) => incidentRun(() => api.replyIncident(incident.id, body))}
              onResolveAll={(note) => incidentRun(() => api.resolveIncident(incident.id, note))}
            />
          )}
          {error !== null && (
            <p className="form-error" role="alert" data-testid="ticket-action-error">
              {error}
            </p>
          )}
          <div className="ticket-layout">
            <div className="ticket-main">
              {detail ? <TicketThread ticket={ticket} events={detail.events} now={now} nameOf={nameOf} /> : <p className="muted">Loading the conversation…</p>}
              <ReplyBox
                canned={refs.canned}
                busy={busy}
                disabled={ticket.status === 'closed'}
                onReply={(body) => run(() => api.replyTicket(id, body))}
                onNote={(body) => run(() => api.noteTicket(id, body))}
                inserted={inserted}
              />
              {detail?.diagnostics && <DiagnosticsPanel bundle={detail.diagnostics} />}
            </div>
            <aside className="ticket-side" aria-label="Ticket tools">
              <TicketActionsPanel ticket={ticket} meId={me.id} technicians={refs.technicians} candidates={candidates} busy={busy} commands={commands} />
              <TicketRating ticket={ticket} now={now} />
              {ticket.deviceId && (
                <FixPanel api={api} deviceId={ticket.deviceId} ticketId={ticket.id} online={devices.get(ticket.deviceId)?.status === 'online'} now={now} version={ticket.updatedAt} />
              )}
              <TicketKbPanel api={api} ticketId={ticket.id} resolved={ticket.status === 'resolved' || ticket.status === 'closed'} onInsert={(text) => setInserted((i) => ({ text, seq: (i?.seq ?? 0) + 1 }))} />
              {ticket.attachments.length > 0 && (
                <section className="panel" aria-labelledby="attachments-title">
                  <h2 id="attachments-title">Screenshot</h2>
                  {ticket.attachments.map((a) => (
                    <ScreenshotView key={a.id} api={api} ticketId={ticket.id} attachment={a} />
                  ))}
                </section>
              )}
              <DeviceContextPanel
                ticket={ticket}
                device={ticket.deviceId ? devices.get(ticket.deviceId) : undefined}
                alerts={deviceAlerts}
                now={now}
                busy={busy}
                onLinkAlert={(alertId) => run(() => api.linkAlertToTicket(id, alertId))}
              />
            </aside>
          </div>
        </>
      )}
    </>
  );
}

/** The more recent of the feed's and the detail's copy of the ticket. */
function newer(a: Ticket | undefined, b: Ticket | undefined): Ticket | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;
}
