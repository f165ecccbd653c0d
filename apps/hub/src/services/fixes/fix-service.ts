import { FIX_FINAL_STATES, FIX_LIMITS, fail, ok, parseFixParams, type Ack, type FixAction, type FixPolicy, type FixRequest, type FixRun, type FixRunCreate, type FixStatus } from '@deskside/protocol';
import type { DeviceRecord, Store, TicketRecord } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { seesSite } from '../access/site-scope.js';
import { visibleDevice } from '../access/visible-device.js';
import type { AuditService } from '../audit/audit-service.js';
import type { AttemptLimiter } from '../auth/attempt-limiter.js';
import type { AuthenticatedUser } from '../auth/session.js';
import type { DomainEvents } from '../events/domain-events.js';
import { writeKey, type AgentWrite } from '../ingest/agent-write.js';
import { idempotentWrite } from '../ingest/idempotent-write.js';
import { payloadHash } from '../ingest/inventory-hash.js';
import { isSaneInstant } from '../ingest/sane-instant.js';
import type { PresenceTracker } from '../presence/presence-tracker.js';
import { ServiceError } from '../service-error.js';
import { publish, writeChange } from '../tickets/ticket-change.js';
import { SYSTEM_ACTOR } from '../tickets/ticket-deps.js';
import type { TicketService } from '../tickets/ticket-service.js';
import { catalogueFor, mayRequest } from './fix-catalogue.js';
import { readFixPolicy, writeFixPolicy } from './fix-policy.js';
import { fixRunNote, presentFixRun } from './fix-presenter.js';
import type { FixSigner } from './fix-signing-key.js';

export interface FixServiceDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  audit: AuditService;
  events: DomainEvents;
  signer: FixSigner;
  presence: PresenceTracker;
  groupsOfDevice: (deviceId: string) => Promise<string[]>;
  tickets: TicketService | undefined;
  /** Requests per technician (counted in the database, shared by every hub). */
  limiter: AttemptLimiter;
}

type User = Pick<AuthenticatedUser, 'userId' | 'role' | 'tier' | 'siteIds'>;
const LIST_LIMIT = 100;
const BUSY = 'Another fix is under way on this device; wait for it to finish.';

/** A request checked once, before it goes to one device or a group's devices. */
export interface Prepared {
  action: FixRunCreate['action'];
  params: FixRequest['params'];
  policy: FixPolicy;
  requester: string;
}

/**
 * Consented fixes on the hub: who may ask for what on which device, the signed request pushed to
 * the agent, the agent's reports stored idempotently, and every finished run noted on its ticket
 * and in the audit log.
 */
export function createFixService(deps: FixServiceDeps) {
  const { store, clock, logger, audit } = deps;

  /** What does not depend on the device: the action, its parameters, the approved lists, who asks. */
  async function prepare(user: User, body: Pick<FixRunCreate, 'action' | 'params'>): Promise<Prepared> {
    const params = parseFixParams(body.action, body.params);
    if (!params.ok) throw new ServiceError('bad_request', params.message);
    if (!mayRequest(user, body.action)) throw new ServiceError('forbidden', `Your role or tier may not run "${body.action}".`);
    const policy = await readFixPolicy(store.settings);
    checkApproved(body.action, params.params, policy);
    const requester = (await store.users.findById(user.userId))?.displayName ?? 'technician';
    return { action: body.action, params: params.params as FixRequest['params'], policy, requester };
  }

  /** One run on one device the caller may see: online, free, stored, audited, signed and pushed. */
  async function start(user: User, prep: Prepared, device: DeviceRecord, ticket: TicketRecord | undefined): Promise<FixRun> {
    const deviceId = device.id;
    const status = deps.presence.status(deviceId) ?? device.lastStatus;
    if (status !== 'online') throw new ServiceError('conflict', 'The device is not connected now; ask again when it is online.');
    const groups = await deps.groupsOfDevice(deviceId);
    const unattended = prep.policy.unattended.some((rule) => groups.includes(rule.groupId) && rule.actions.includes(prep.action));
    const now = clock();
    const runId = deps.newId();
    const fix: FixRequest = {
      runId,
      deviceId,
      action: prep.action,
      params: prep.params,
      ticketId: ticket?.id ?? null,
      reason: (ticket ? `Ticket #${ticket.number}: ${ticket.subject}` : 'Requested by your help desk').slice(0, 300),
      requestedBy: prep.requester.slice(0, 128),
      origin: 'technician',
      consent: unattended ? 'unattended' : 'ask',
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + FIX_LIMITS.requestTtlMs).toISOString(),
    };
    const record = {
      id: runId,
      deviceId,
      siteId: device.siteId,
      ticketId: fix.ticketId,
      action: fix.action,
      params: fix.params,
      origin: 'technician' as const,
      requestedById: user.userId,
      requestedBy: fix.requestedBy,
      state: 'requested',
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(fix.expiresAt),
      message: null,
      exitCode: null,
      durationMs: null,
      output: null,
      bytesFreed: null,
    };
    try {
      await store.transaction(async (tx) => {
        await tx.fixRuns.expireActive(deviceId, now);
        if (await tx.fixRuns.active(deviceId)) throw new ServiceError('conflict', BUSY);
        await tx.fixRuns.insert(record, true);
      });
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      // The partial unique index: another hub started one at the same moment.
      if (await store.fixRuns.active(deviceId)) throw new ServiceError('conflict', BUSY);
      throw err;
    }
    await audit.record({ id: user.userId, name: prep.requester }, 'fix.requested', `device:${deviceId}`, { runId, action: fix.action, params: fix.params, ticketId: fix.ticketId, consent: fix.consent });
    deps.events.emit('fixRequested', deviceId, deps.signer.sign(fix));
    return presentFixRun(record);
  }

  async function request(user: User, deviceId: string, body: FixRunCreate): Promise<FixRun> {
    const prep = await prepare(user, body);
    const device = await visibleDevice(store.devices, user, deviceId);
    let ticket: TicketRecord | undefined;
    if (body.ticketId) {
      ticket = await store.tickets.findById(body.ticketId);
      if (!ticket || !seesSite(user, ticket.siteId)) throw new ServiceError('not_found', 'No such ticket.');
      if (ticket.deviceId !== deviceId) throw new ServiceError('bad_request', 'That ticket is not about this device.');
    }
    await takeBudget(user);
    return start(user, prep, device, ticket);
  }

  /** 30 requests per 15 minutes per technician (a group request counts once). */
  async function takeBudget(user: User): Promise<void> {
    const wait = await deps.limiter.take(user.userId);
    if (wait !== undefined) throw new ServiceError('rate_limited', 'Too many fixes requested; wait a few minutes.', wait);
  }

  /** `action:status` from an agent: one idempotent write; finished runs leave a note on their ticket. */
  async function status(write: AgentWrite<FixStatus>): Promise<Ack<{ runId: string }>> {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.at, receivedAt)) return fail('invalid_payload', 'action:status: at is out of range');
    const after: Array<() => Promise<void>> = [];
    const outcome = await idempotentWrite(store, writeKey('action:status', write, payloadHash(payload)), async (tx) => {
      const run = await tx.fixRuns.findById(payload.runId);
      const actor = { id: deviceId, name: 'agent' };
      if (!run || run.deviceId !== deviceId) {
        // A request this hub never sent this device (a forgery, another hub's key): say so loudly.
        after.push(async () => {
          logger.warn('an agent reported a fix request this hub did not send it', { deviceId, runId: payload.runId, state: payload.state, message: payload.message });
          await audit.record(actor, 'fix.unknown-request-reported', `device:${deviceId}`, { runId: payload.runId, state: payload.state, message: payload.message });
        });
        return ok({ runId: payload.runId });
      }
      if (FIX_FINAL_STATES.has(run.state as FixStatus['state']) && run.state !== 'expired') {
        // A late or repeated report of a finished run: a replay of its request, which the agent refused.
        after.push(async () => {
          logger.warn('an agent refused a replayed fix request', { deviceId, runId: run.id, state: payload.state, message: payload.message });
          await audit.record(actor, 'fix.replay-reported', `device:${deviceId}`, { runId: run.id, state: payload.state, message: payload.message });
        });
        return ok({ runId: run.id });
      }
      const final = FIX_FINAL_STATES.has(payload.state);
      const updated = {
        ...run,
        state: payload.state,
        updatedAt: receivedAt,
        message: payload.message,
        exitCode: payload.exitCode,
        durationMs: payload.durationMs,
        output: payload.output,
        bytesFreed: payload.bytesFreed,
      };
      await tx.fixRuns.update(run.id, { state: payload.state, active: !final, updatedAt: receivedAt, message: payload.message, exitCode: payload.exitCode, durationMs: payload.durationMs, output: payload.output, bytesFreed: payload.bytesFreed });
      const tickets = deps.tickets;
      if (final && run.ticketId && tickets) {
        const ticket = await tx.tickets.findById(run.ticketId);
        if (ticket) {
          const noted = await writeChange(tx, tickets.deps, ticket, SYSTEM_ACTOR, {}, [{ type: 'note', visibility: 'internal', body: fixRunNote(updated) }], receivedAt);
          after.push(() => publish(tickets.deps, [noted], false));
        }
      }
      after.push(async () => {
        if (payload.state === 'refused') logger.warn('an agent refused a fix request', { deviceId, runId: run.id, message: payload.message });
        await audit.record(actor, `fix.${payload.state}`, `device:${deviceId}`, { runId: run.id, action: run.action, exitCode: payload.exitCode, durationMs: payload.durationMs, message: payload.message });
        deps.events.emit('fixRunChanged', deviceId, run.id);
      });
      return ok({ runId: run.id });
    });
    if (!outcome.replayed) for (const effect of after) await effect().catch((err: unknown) => logger.warn('fix run follow-up failed', { err: String(err) }));
    return outcome.ack;
  }

  return {
    /** The public key agents pin at enrolment. */
    publicKey: deps.signer.publicKey,
    request,
    status,
    /** For a group at once (fix-bulk.ts): the same checks, one run per device. */
    internals: { prepare, start, takeBudget },
    async catalogue(user: User): Promise<FixAction[]> {
      return catalogueFor(user, await readFixPolicy(store.settings));
    },
    policy: () => readFixPolicy(store.settings),
    async setPolicy(user: User, policy: FixPolicy): Promise<FixPolicy> {
      await writeFixPolicy(store.settings, policy);
      const name = (await store.users.findById(user.userId))?.displayName ?? 'admin';
      await audit.record({ id: user.userId, name }, 'fix.policy-changed', 'fixes:policy', { ...policy });
      return policy;
    },
    async forDevice(user: User, deviceId: string): Promise<FixRun[]> {
      await visibleDevice(store.devices, user, deviceId);
      return (await store.fixRuns.listByDevice(deviceId, LIST_LIMIT)).map(presentFixRun);
    },
    async forTicket(user: User, ticketId: string): Promise<FixRun[]> {
      const ticket = await store.tickets.findById(ticketId);
      if (!ticket || !seesSite(user, ticket.siteId)) throw new ServiceError('not_found', 'No such ticket.');
      return (await store.fixRuns.listByTicket(ticketId, LIST_LIMIT)).filter((r) => seesSite(user, r.siteId)).map(presentFixRun);
    },
  };
}

export type FixService = ReturnType<typeof createFixService>;

function checkApproved(action: FixRunCreate['action'], params: Record<string, unknown>, policy: FixPolicy): void {
  if (action === 'restart-service' && !policy.services.includes(String(params['service']))) {
    throw new ServiceError('bad_request', `The service "${String(params['service'])}" is not on the approved list (Admin → Fix policy).`);
  }
  if ((action === 'install-app' || action === 'update-app' || action === 'uninstall-app') && !policy.packages.includes(String(params['package']))) {
    throw new ServiceError('bad_request', `The application "${String(params['package'])}" is not on the approved list (Admin → Fix policy).`);
  }
}
