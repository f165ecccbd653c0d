import { fail, type Ack, type AgentTicketConfirm, type AgentTicketCreate, type AgentTicketRate, type AgentTicketReply, type TicketCreatedAck } from '@deskside/protocol';
import type { TicketAttachmentRecord } from '@deskside/store';
import type { KbService } from '../kb/create-kb.js';
import { ServiceError } from '../service-error.js';
import { createUploadBudget, DEFAULT_UPLOAD_LIMITS } from '../uploads/upload-budget.js';
import { noFeedbackEffects } from '../tickets/ticket-feedback.js';
import { noEffects } from '../tickets/ticket-intake.js';
import type { TicketService } from '../tickets/ticket-service.js';
import { writeKey, type AgentWrite, type IngestDeps } from './agent-write.js';
import { idempotentWrite } from './idempotent-write.js';
import { payloadHash } from './inventory-hash.js';
import { isSaneInstant } from './sane-instant.js';

type Deps = Pick<IngestDeps, 'store' | 'kb'> & { tickets: TicketService };

/** Screenshot bytes one device may store per day (one budget with its other uploads: services/uploads). */
export const ATTACHMENT_BYTES_PER_DAY = DEFAULT_UPLOAD_LIMITS.devicePerDay;

/**
 * The tray's ticket writes. `ticket:create` is idempotent on the ticket id born on the PC (a retry
 * answers the same {ticketId, number, priority}; the same id with another payload is
 * `idempotency_conflict`). Its screenshot is written before the transaction and removed again when
 * the row was not committed now; the console feed and the tray push follow the commit.
 */
export const ticketIngest = {
  async create(deps: Deps, write: AgentWrite<AgentTicketCreate>): Promise<Ack<TicketCreatedAck>> {
    const { payload, deviceId, receivedAt } = write;
    const { tickets, kb } = deps;
    if (!isSaneInstant(payload.createdAt, receivedAt)) return fail('invalid_payload', 'ticket:create: createdAt is out of range');
    // A retry must not write the screenshot again: look before touching the disk.
    const seen = await deps.store.messages.get(deviceId, payload.id);
    let screenshot: TicketAttachmentRecord | undefined;
    if (!seen) {
      // The device's upload budget, counted before the disk is touched (shared by every hub).
      const bytes = payload.screenshot ? Math.ceil((payload.screenshot.dataBase64.length * 3) / 4) : 0;
      let refund: () => Promise<void>;
      try {
        refund = await createUploadBudget(deps.store.attempts).reserve({ kind: 'device', id: deviceId }, bytes, receivedAt);
      } catch (err) {
        if (!(err instanceof ServiceError) || err.code !== 'rate_limited') throw err;
        return fail('rate_limited', `ticket:create: this PC has sent its ${ATTACHMENT_BYTES_PER_DAY / 1_000_000} MB of screenshots for today; send the ticket without one, or later`);
      }
      try {
        screenshot = await tickets.intake.saveScreenshot(payload, receivedAt);
      } catch (err) {
        await refund();
        if (err instanceof ServiceError) return fail(err.code, `ticket:create: ${err.message}`);
        throw err;
      }
    }
    const effects = noEffects();
    const { ack, replayed } = await idempotentWrite(deps.store, writeKey('ticket:create', write, payloadHash(payload)), async (tx) => {
      Object.assign(effects, noEffects());
      const created = await tickets.intake.createFromAgentIn(tx, deviceId, payload, receivedAt, screenshot, effects);
      // The articles the employee read before asking anyway, tied to the ticket in the same transaction.
      if (created.ok && kb && payload.articlesRead) await kb.tray.linkReadIn(tx, deviceId, created.data.ticketId, payload.articlesRead, receivedAt);
      return created;
    });
    // Files are not in the transaction: one whose row was not committed goes.
    if (screenshot && (!ack.ok || replayed)) await tickets.intake.discardScreenshot(screenshot);
    if (ack.ok && !replayed) await tickets.intake.afterCommit(effects);
    return ack;
  },

  /** `ticket:reply`: idempotent on its message id. */
  async reply(deps: Deps, write: AgentWrite<AgentTicketReply>) {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.sentAt, receivedAt)) return fail('invalid_payload', 'ticket:reply: sentAt is out of range');
    const effects = noEffects();
    const { ack, replayed } = await idempotentWrite(deps.store, writeKey('ticket:reply', write, payloadHash(payload)), (tx) => {
      Object.assign(effects, noEffects());
      return deps.tickets.intake.agentReplyIn(tx, deviceId, payload, receivedAt, effects);
    });
    if (ack.ok && !replayed) await deps.tickets.intake.afterCommit(effects);
    return ack;
  },

  /** `ticket:confirm` ("Is this fixed?"): idempotent on its message id; a reopen alerts the assignee after the commit. */
  async confirm(deps: Deps, write: AgentWrite<AgentTicketConfirm>) {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.sentAt, receivedAt)) return fail('invalid_payload', 'ticket:confirm: sentAt is out of range');
    const effects = noFeedbackEffects();
    const { ack, replayed } = await idempotentWrite(deps.store, writeKey('ticket:confirm', write, payloadHash(payload)), (tx) =>
      deps.tickets.feedback.confirmIn(tx, deviceId, payload, receivedAt, effects),
    );
    if (ack.ok && !replayed) await deps.tickets.feedback.afterCommit(effects);
    return ack;
  },

  /** `ticket:rate`: idempotent on its message id; the latest rating is the ticket's. */
  async rate(deps: Deps, write: AgentWrite<AgentTicketRate>) {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.sentAt, receivedAt)) return fail('invalid_payload', 'ticket:rate: sentAt is out of range');
    const effects = noFeedbackEffects();
    const { ack, replayed } = await idempotentWrite(deps.store, writeKey('ticket:rate', write, payloadHash(payload)), (tx) =>
      deps.tickets.feedback.rateIn(tx, deviceId, payload, receivedAt, effects),
    );
    if (ack.ok && !replayed) await deps.tickets.feedback.afterCommit(effects);
    return ack;
  },
};

/** The tray's knowledge-base writes ("This solved it", feedback), idempotent like every agent write. */
export const kbIngest = {
  async deflect(deps: Pick<IngestDeps, 'store'> & { kb: KbService }, write: AgentWrite<Parameters<KbService['tray']['deflectIn']>[2] & { id: string; at: string }>) {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.at, receivedAt)) return fail('invalid_payload', 'kb:deflect: at is out of range');
    return (await idempotentWrite(deps.store, writeKey('kb:deflect', write, payloadHash(payload)), (tx) => deps.kb.tray.deflectIn(tx, deviceId, payload, receivedAt))).ack;
  },
  async feedback(deps: Pick<IngestDeps, 'store'> & { kb: KbService }, write: AgentWrite<Parameters<KbService['tray']['feedbackIn']>[2] & { id: string; at: string }>) {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.at, receivedAt)) return fail('invalid_payload', 'kb:feedback: at is out of range');
    return (await idempotentWrite(deps.store, writeKey('kb:feedback', write, payloadHash(payload)), (tx) => deps.kb.tray.feedbackIn(tx, deviceId, payload, receivedAt))).ack;
  },
};
