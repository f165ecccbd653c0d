// Test support only: a ticket service over a real temp store, a fake clock and a recording notifier.
import { newId, type AgentTicketReply, type EmployeeTicket } from '@deskside/protocol';
import type { Store, TicketRecord } from '@deskside/store';
import { captureLogger, fakeClock, tempDir } from '../../test-support/temp.js';
import { openStore } from '@deskside/store';
import { AttachmentFiles } from './attachments.js';
import { noEffects } from './ticket-intake.js';
import { SlaSettingsService } from './sla-settings.js';
import type { TicketAlerts } from './ticket-deps.js';
import { createTicketService, type TicketService } from './ticket-service.js';

export interface TicketKit {
  store: Store;
  service: TicketService;
  clock: ReturnType<typeof fakeClock>;
  dataDir: string;
  siteId: string;
  otherSiteId: string;
  deviceId: string;
  tech: { userId: string; role: 'technician'; siteIds: string[]; sessionId: string };
  changed: string[][];
  pushed: Array<{ deviceId: string; ticket: EmployeeTicket }>;
  breaches: Array<{ ticket: TicketRecord; which: string }>;
  reopenAlerts: Array<{ ticket: TicketRecord; comment: string; assigneeName: string | null }>;
  cleanup(): Promise<void>;
}

/** Tue 2025-03-04 09:00 UTC: inside UTC office hours. */
export const KIT_START = new Date('2025-03-04T09:00:00.000Z');

export async function ticketKit(options: { withAlerts?: boolean } = {}): Promise<TicketKit> {
  const temp = tempDir('deskside-tickets-');
  const store = await openStore({ dataDir: temp.dir });
  const clock = fakeClock(KIT_START);
  const siteId = newId();
  const otherSiteId = newId();
  await store.sites.create({ id: siteId, name: 'Main office', createdAt: KIT_START });
  await store.sites.create({ id: otherSiteId, name: 'Elsewhere', createdAt: new Date(KIT_START.getTime() + 1) });
  const userId = newId();
  await store.users.create({ id: userId, username: 'tina', displayName: 'Tina Tech', role: 'technician', tier: 1, passwordHash: 'x', createdAt: KIT_START, disabledAt: null });
  const deviceId = newId();
  await store.devices.create({ id: deviceId, siteId, machineId: newId(), hostname: 'PC-042', keyHash: 'a'.repeat(64), enrolledAt: KIT_START });
  const changed: string[][] = [];
  const pushed: Array<{ deviceId: string; ticket: EmployeeTicket }> = [];
  const breaches: Array<{ ticket: TicketRecord; which: string }> = [];
  const reopenAlerts: Array<{ ticket: TicketRecord; comment: string; assigneeName: string | null }> = [];
  const alerts: TicketAlerts = {
    findAlert: (id) => Promise.resolve(id === KNOWN_ALERT ? { deviceId } : undefined),
    raiseSlaBreach: (ticket, which) => {
      breaches.push({ ticket, which });
      return Promise.resolve();
    },
    raiseReopened: (ticket, comment, assigneeName) => {
      reopenAlerts.push({ ticket, comment, assigneeName });
      return Promise.resolve();
    },
  };
  const service = createTicketService({
    store,
    clock: clock.clock,
    newId: () => newId(clock.clock().getTime()),
    logger: captureLogger().logger,
    sla: new SlaSettingsService(store, clock.clock, 'UTC'),
    files: new AttachmentFiles(temp.dir),
    notifier: {
      ticketsChanged: (ids) => void changed.push([...ids]),
      employeeTicketChanged: (id, ticket) => void pushed.push({ deviceId: id, ticket }),
    },
    ...(options.withAlerts ? { alerts } : {}),
  });
  return {
    store,
    service,
    clock,
    dataDir: temp.dir,
    siteId,
    otherSiteId,
    deviceId,
    tech: { userId, role: 'technician', siteIds: [], sessionId: 's' },
    changed,
    pushed,
    breaches,
    reopenAlerts,
    async cleanup() {
      await store.close();
      temp.remove();
    },
  };
}

export const KNOWN_ALERT = newId();

/** A valid `ticket:create` payload. */
export function agentTicket(overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    createdAt: KIT_START.toISOString(),
    subject: 'Printer jams',
    description: 'Every page jams on the second floor printer.',
    category: 'printer' as const,
    impact: 'medium' as const,
    urgency: 'high' as const,
    requester: { name: 'Alice', username: 'alice', email: null },
    diagnostics: null,
    screenshot: null,
    ...overrides,
  };
}

/** A device (of `siteId`, at `ip`) in the kit's store; answers its id. */
export async function kitDevice(kit: TicketKit, siteId: string, hostname: string, ip: string | null = null): Promise<string> {
  const id = newId();
  await kit.store.devices.create({ id, siteId, machineId: id, hostname, keyHash: 'd'.repeat(64), enrolledAt: kit.clock.clock() });
  if (ip) await kit.store.devices.updateSummary(id, hostname, { ip });
  return id;
}

/** `ticket:create` from a device's tray, committed and published as the agent namespace does. */
export async function agentCreates(kit: TicketKit, deviceId: string, overrides: Record<string, unknown> = {}): Promise<{ ticketId: string }> {
  const effects = noEffects();
  const ack = await kit.store.transaction((tx) => kit.service.intake.createFromAgentIn(tx, deviceId, agentTicket(overrides), kit.clock.clock(), undefined, effects));
  await kit.service.intake.afterCommit(effects);
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

/** `ticket:reply` from a device's tray; answers the ticket the reply landed on. */
export async function agentReplies(kit: TicketKit, deviceId: string, reply: Omit<AgentTicketReply, 'id'>): Promise<string> {
  const effects = noEffects();
  const ack = await kit.store.transaction((tx) => kit.service.intake.agentReplyIn(tx, deviceId, { id: newId(), ...reply }, kit.clock.clock(), effects));
  await kit.service.intake.afterCommit(effects);
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.ticketId;
}
