import { fail, ok, type Ack, type AgentTicketCreate, type AgentTicketReply, type Alert, type ConsoleSocketData, type TicketCreateRequest, type TicketCreatedAck } from '@deskside/protocol';
import type { NewTicket, Repositories, TicketAttachmentRecord, TicketRecord } from '@deskside/store';
import { seesSite } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import { correlateIn, networkOf } from './incidents.js';
import { ticketPriority } from './priority.js';
import { assertTransition, publish, sameReaders, statusPatch, technicianActor, userName, writeChange } from './ticket-change.js';
import { SYSTEM_ACTOR, type TicketActor, type TicketDeps } from './ticket-deps.js';
import { statusAfterEmployeeReply } from './status-machine.js';
import { categoryForCheck } from './alert-category.js';

/** Largest diagnostics bundle kept (as JSON text); the schema bounds its parts, this the whole. */
export const MAX_DIAGNOSTICS_CHARS = 512 * 1024;
const MAX_MERGE_HOPS = 5;

/** What a committed intake must publish. */
export interface IntakeEffects {
  changed: string[];
  /** Tickets whose employee view changed. */
  employee: string[];
}

export const noEffects = (): IntakeEffects => ({ changed: [], employee: [] });

/** Tickets coming in: from the tray (in the idempotent-write transaction), from technicians, from alerts. */
export function createTicketIntake(deps: TicketDeps) {
  const insert = async (tx: Repositories, fields: Omit<NewTicket, 'priority' | 'status' | 'tier' | 'assigneeId' | 'updatedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'slaPauses' | 'firstResponseBreachedAt' | 'resolutionBreachedAt' | 'timeSpentMinutes' | 'mergedIntoId' | 'incidentId' | 'linkedAlertIds'>, actor: TicketActor, effects: IntakeEffects): Promise<TicketRecord> => {
    const t: NewTicket = {
      ...fields,
      priority: ticketPriority(fields.impact, fields.urgency),
      status: 'new',
      tier: 1,
      assigneeId: null,
      updatedAt: fields.createdAt,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      slaPauses: [],
      firstResponseBreachedAt: null,
      resolutionBreachedAt: null,
      timeSpentMinutes: 0,
      mergedIntoId: null,
      incidentId: null,
      linkedAlertIds: [],
    };
    const number = await tx.tickets.create(t);
    const record: TicketRecord = { ...t, number, hasDiagnostics: t.diagnostics !== null };
    await writeChange(tx, deps, record, actor, {}, [{ type: 'created', visibility: 'public', to: 'new', body: null }], fields.createdAt);
    effects.changed.push(record.id, ...(await correlateIn(tx, deps, record, fields.createdAt)));
    return record;
  };

  /**
   * The requester answered (tray or mail). Reopens a resolved ticket and answers a pending one; a
   * reply to a ticket merged away goes to the ticket it was merged into; a reply to a closed ticket
   * opens a follow-up ticket (closed stays closed), which is answered.
   */
  const requesterReply = async (tx: Repositories, first: TicketRecord, body: string, now: Date, effects: IntakeEffects): Promise<TicketRecord> => {
    let t = first;
    // A merge is followed only to a ticket of the same device, requester and site: a merge must
    // never let another employee read what this one writes. Otherwise the reply meets a closed
    // ticket and opens a follow-up of this employee's own.
    for (let hop = 0; hop < MAX_MERGE_HOPS && t.mergedIntoId !== null; hop++) {
      const target: TicketRecord | undefined = await tx.tickets.findById(t.mergedIntoId);
      if (!target || !sameReaders(t, target)) break;
      t = target;
    }
    const employee: TicketActor = { type: 'employee', userId: null, name: t.requester.name };
    const next = statusAfterEmployeeReply(t.status);
    if (next === 'follow-up') {
      const followUp = await insert(tx, {
        id: deps.newId(),
        subject: `Follow-up to #${t.number}: ${t.subject}`.slice(0, 200),
        description: body,
        category: t.category,
        impact: t.impact,
        urgency: t.urgency,
        requester: t.requester,
        deviceId: t.deviceId,
        siteId: t.siteId,
        network: t.network,
        source: 'agent',
        channel: t.channel,
        createdAt: now,
        diagnostics: null,
      }, employee, effects);
      await writeChange(tx, deps, t, employee, {}, [{ type: 'note', visibility: 'internal', body: `The employee replied after closure; follow-up #${followUp.number} opened.` }], now);
      effects.employee.push(followUp.id);
      return followUp;
    }
    const reopened = next !== t.status;
    if (reopened) assertTransition(t, next, 'employee-reply');
    await writeChange(tx, deps, t, employee, reopened ? statusPatch(t, next, now) : {}, [
      { type: 'reply', visibility: 'public', body },
      ...(reopened ? [{ type: 'status-changed' as const, visibility: 'internal' as const, from: t.status, to: next }] : []),
    ], now);
    effects.changed.push(t.id);
    effects.employee.push(t.id);
    return t;
  };

  return {
    /** Decodes, checks and writes the screenshot BEFORE the transaction (files are not transactional). */
    async saveScreenshot(payload: AgentTicketCreate, now: Date): Promise<TicketAttachmentRecord | undefined> {
      if (!payload.screenshot) return undefined;
      const bytes = Buffer.from(payload.screenshot.dataBase64, 'base64');
      return deps.files.save(bytes, { id: deps.newId(), ticketId: payload.id, kind: 'screenshot', claimed: payload.screenshot.mediaType, now });
    },

    discardScreenshot: (a: TicketAttachmentRecord) => deps.files.discard(a.storagePath),

    /** `ticket:create`: the ticket id born on the PC; the device is the socket's, never the payload's. */
    async createFromAgentIn(tx: Repositories, deviceId: string, p: AgentTicketCreate, now: Date, screenshot: TicketAttachmentRecord | undefined, effects: IntakeEffects): Promise<Ack<TicketCreatedAck>> {
      if (p.diagnostics && JSON.stringify(p.diagnostics).length > MAX_DIAGNOSTICS_CHARS) {
        return fail('payload_too_large', `ticket:create: the diagnostics bundle is larger than ${MAX_DIAGNOSTICS_CHARS} characters`);
      }
      if (await tx.tickets.findById(p.id)) return fail('idempotency_conflict', 'ticket:create: this ticket id is already taken');
      const device = await tx.devices.findById(deviceId);
      if (!device) return fail('unauthorized', 'unknown device');
      const employee: TicketActor = { type: 'employee', userId: null, name: p.requester.name };
      // The SLA clock starts when the desk could know: on arrival, not when the PC queued it offline.
      const t = await insert(tx, {
        id: p.id,
        subject: p.subject,
        description: p.description,
        category: p.category,
        impact: p.impact,
        urgency: p.urgency,
        requester: p.requester,
        deviceId,
        siteId: device.siteId,
        network: networkOf(device.ip),
        source: 'agent',
        channel: 'tray',
        createdAt: now,
        diagnostics: p.diagnostics,
      }, employee, effects);
      if (screenshot) {
        await tx.ticketAttachments.add(screenshot);
        await writeChange(tx, deps, t, employee, {}, [{ type: 'attachment-added', visibility: 'internal', to: screenshot.id }], now);
      }
      return ok({ ticketId: t.id, number: t.number, priority: t.priority });
    },

    /**
     * `ticket:reply`: only on this device's tickets. Reopens a resolved ticket and answers a pending
     * one; a reply to a ticket merged away goes to the ticket it was merged into; a reply to a closed
     * ticket opens a follow-up ticket (closed stays closed) whose id the ack answers.
     */
    async agentReplyIn(tx: Repositories, deviceId: string, p: AgentTicketReply, now: Date, effects: IntakeEffects): Promise<Ack<{ ticketId: string }>> {
      const t = await tx.tickets.findById(p.ticketId);
      if (!t || t.deviceId !== deviceId) return fail('not_found', 'ticket:reply: no such ticket on this device');
      return ok({ ticketId: (await requesterReply(tx, t, p.body, now, effects)).id });
    },

    /**
     * A ticket from a channel the hub reads itself (a mailbox): the requester is who wrote, the
     * site and category are the channel's.
     */
    createFromChannelIn: (tx: Repositories, f: Pick<NewTicket, 'subject' | 'description' | 'category' | 'requester' | 'siteId' | 'channel' | 'createdAt'>, effects: IntakeEffects): Promise<TicketRecord> =>
      insert(tx, { ...f, id: deps.newId(), impact: 'medium', urgency: 'medium', deviceId: null, network: null, source: 'agent', diagnostics: null }, { type: 'employee', userId: null, name: f.requester.name }, effects),

    /** The requester answered by another channel (a mail reply): as `ticket:reply`, minus the device. */
    requesterReplyIn: (tx: Repositories, t: TicketRecord, body: string, now: Date, effects: IntakeEffects): Promise<TicketRecord> => requesterReply(tx, t, body, now, effects),

    /** Publishes what a committed intake changed. */
    async afterCommit(effects: IntakeEffects): Promise<void> {
      if (effects.changed.length === 0 && effects.employee.length === 0) return;
      const records = await deps.store.tickets.findMany([...new Set([...effects.changed, ...effects.employee])]);
      deps.notifier.ticketsChanged(records.map((r) => r.id));
      await publish({ ...deps, notifier: { ...deps.notifier, ticketsChanged: () => undefined } }, records.filter((r) => effects.employee.includes(r.id)), true);
    },

    /** `POST /api/v1/tickets`: a phone call or an email turned into a ticket by a technician. */
    async createFromTechnician(user: Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'> & { apiToken?: unknown }, req: TicketCreateRequest): Promise<TicketRecord> {
      const effects = noEffects();
      const t = await deps.store.transaction(async (tx) => {
        const device = req.deviceId ? await tx.devices.findById(req.deviceId) : undefined;
        if (req.deviceId && (!device || !seesSite(user, device.siteId))) throw new ServiceError('not_found', 'No such device.');
        // No device: the technician's first site, else the hub's first (oldest) site.
        const oldest = (await tx.sites.list()).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
        const siteId = device?.siteId ?? user.siteIds[0] ?? oldest?.id;
        if (!siteId) throw new ServiceError('conflict', 'The hub has no site to file the ticket under.');
        const name = await userName(tx, user.userId);
        const created = await insert(tx, {
          id: deps.newId(),
          subject: req.subject,
          description: req.description,
          category: req.category ?? 'other',
          impact: req.impact,
          urgency: req.urgency,
          requester: { name: req.requester?.name ?? name, username: req.requester?.username ?? null, email: req.requester?.email ?? null },
          deviceId: device?.id ?? null,
          siteId,
          network: networkOf(device?.ip ?? null),
          source: 'technician',
          // An API token's tickets come from a script; the console says whether it logs a call.
          channel: user.apiToken ? 'api' : (req.channel ?? 'console'),
          createdAt: deps.clock(),
          diagnostics: null,
        }, technicianActor(user, name), effects);
        const minutes = req.timeSpentMinutes ?? 0;
        if (minutes === 0) return created;
        // A logged call's length is time already spent on the ticket, recorded like any logged time.
        return writeChange(tx, deps, created, technicianActor(user, name), { timeSpentMinutes: minutes }, [{ type: 'time-logged', visibility: 'internal', to: String(minutes) }], created.createdAt);
      });
      deps.notifier.ticketsChanged(effects.changed);
      return t;
    },

    /** The alert service's hook: a ticket for a critical alert (see services/alerts/ticket-hook.ts). */
    async openForAlert(alert: Alert): Promise<string | null> {
      const effects = noEffects();
      const t = await deps.store.transaction(async (tx) => {
        const device = await tx.devices.findById(alert.deviceId);
        if (!device) return null;
        const t = await insert(tx, {
          id: deps.newId(),
          subject: `Alert: ${alert.message}`.slice(0, 200),
          description: `Opened automatically for a critical alert (${alert.check}: ${alert.subject}).\n\n${alert.message}`,
          category: categoryForCheck(alert.check),
          impact: 'medium',
          urgency: 'high',
          requester: { name: 'Deskside alerts', username: null, email: null },
          deviceId: device.id,
          siteId: device.siteId,
          network: networkOf(device.ip),
          source: 'technician',
          channel: 'console',
          createdAt: deps.clock(),
          diagnostics: null,
        }, SYSTEM_ACTOR, effects);
        await tx.tickets.update(t.id, { linkedAlertIds: [alert.id] });
        return t;
      });
      deps.notifier.ticketsChanged(effects.changed);
      return t?.id ?? null;
    },
  };
}

export type TicketIntake = ReturnType<typeof createTicketIntake>;
