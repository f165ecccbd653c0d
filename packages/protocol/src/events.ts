import type { AckCallback } from './errors.js';
import type { Alert, AlertClear, AlertRaise, AlertsChanged, AlertWriteAck } from './schemas/alert.js';
import type {
  AgentTicketConfirm,
  AgentTicketCreate,
  AgentTicketRate,
  AgentTicketReply,
  EmployeeTicket,
  Ticket,
  TicketCreatedAck,
  TicketsChanged,
} from './schemas/ticket.js';
import type { DevicesChanged, DevicesRemoved, SessionEnded } from './schemas/console-feed.js';
import type { DeviceSummary } from './schemas/device.js';
import type { Heartbeat, HeartbeatAck } from './schemas/heartbeat.js';
import type {
  InventoryDelta,
  InventoryFull,
  InventoryOffer,
  InventoryOfferAck,
  InventoryStoredAck,
} from './schemas/inventory.js';
import type { AgentPolicy } from './schemas/policy.js';
import type { PresenceNotice } from './schemas/presence.js';
import type { FixStatus, SignedFixRequest } from './schemas/fix-actions.js';
import type { AgentReleaseCheck, AgentReleaseCheckAck } from './schemas/agent-release.js';
import type { AgentKbDeflect, AgentKbFeedback, AgentKbSearch, AgentKbSync, EmployeeArticle, KbSyncAck } from './schemas/kb.js';
import type { AgentSiteAppearanceRequest, SiteAppearanceSyncAck } from './schemas/site-appearance.js';

/** Socket.io namespaces. */
export const NAMESPACES = { agent: '/agent', console: '/console' } as const;

// ---- /agent ---------------------------------------------------------------------------------

/** Agent → hub. Every write carries a client-generated `id` and is acked after it is committed. */
export interface AgentToHubEvents {
  'device:heartbeat': (payload: Heartbeat, ack: AckCallback<HeartbeatAck>) => void;
  'device:presence': (payload: PresenceNotice, ack: AckCallback<{ state: PresenceNotice['state'] }>) => void;
  'inventory:offer': (payload: InventoryOffer, ack: AckCallback<InventoryOfferAck>) => void;
  'inventory:full': (payload: InventoryFull, ack: AckCallback<InventoryStoredAck>) => void;
  'inventory:delta': (payload: InventoryDelta, ack: AckCallback<InventoryStoredAck>) => void;
  'alert:raise': (payload: AlertRaise, ack: AckCallback<AlertWriteAck>) => void;
  'alert:clear': (payload: AlertClear, ack: AckCallback<AlertWriteAck>) => void;
  'ticket:create': (payload: AgentTicketCreate, ack: AckCallback<TicketCreatedAck>) => void;
  'ticket:reply': (payload: AgentTicketReply, ack: AckCallback<{ ticketId: string }>) => void;
  /** "Is this fixed?" answered: yes closes the resolved ticket, no reopens it with the comment. */
  'ticket:confirm': (payload: AgentTicketConfirm, ack: AckCallback<{ ticketId: string }>) => void;
  /** One-click satisfaction rating of a resolved or closed ticket. */
  'ticket:rate': (payload: AgentTicketRate, ack: AckCallback<{ ticketId: string }>) => void;
  /** The tickets this device's employees opened, with their public threads ("My tickets"). */
  'tickets:mine': (ack: AckCallback<{ tickets: EmployeeTicket[] }>) => void;
  /** Published employee articles for this device's site matching what the employee types (a read). */
  'kb:search': (payload: AgentKbSearch, ack: AckCallback<{ articles: EmployeeArticle[] }>) => void;
  /** The offline copy of the employee articles, only when it changed (a read). */
  'kb:sync': (payload: AgentKbSync, ack: AckCallback<KbSyncAck>) => void;
  /** "This solved it": the request ends without a ticket (an idempotent write). */
  'kb:deflect': (payload: AgentKbDeflect, ack: AckCallback<{ articleId: string }>) => void;
  /** Helpful or not, from the Help articles window (an idempotent write). */
  'kb:feedback': (payload: AgentKbFeedback, ack: AckCallback<{ articleId: string }>) => void;
  /** A step of a consented fix (consent asked, declined, running, result, refusal) (an idempotent write). */
  'action:status': (payload: FixStatus, ack: AckCallback<{ runId: string }>) => void;
  /** Which agent release this device should run, per the hub's rollout rings (a read; records the installed version). */
  'release:check': (payload: AgentReleaseCheck, ack: AckCallback<AgentReleaseCheckAck>) => void;
  /** The site's branding and default tray language, only when changed since `since` (a read). */
  'site:appearance': (payload: AgentSiteAppearanceRequest, ack: AckCallback<SiteAppearanceSyncAck>) => void;
}

/** Hub → agent: a closed allow-list. Nothing here is ever executed by the agent. */
export interface HubToAgentEvents {
  'policy:update': (policy: AgentPolicy) => void;
  'inventory:request': (payload: { reason: 'hub-has-none' | 'technician' }) => void;
  /** A ticket from this device changed (reply, status): the tray shows a notification. */
  'ticket:updated': (ticket: EmployeeTicket) => void;
  /**
   * A fix from the closed catalogue, signed with the hub key the agent pinned at enrolment. The
   * agent verifies it, asks the employee and runs its own implementation: no command is sent.
   */
  'action:request': (payload: SignedFixRequest) => void;
  /** The site's appearance changed: ask for it again (`site:appearance`); carries nothing itself. */
  'site:appearance-changed': () => void;
}

/** Names of the agent → hub events, for allow-listing what arrives. */
export const AGENT_TO_HUB_EVENTS = [
  'device:heartbeat',
  'device:presence',
  'inventory:offer',
  'inventory:full',
  'inventory:delta',
  'alert:raise',
  'alert:clear',
  'ticket:create',
  'ticket:reply',
  'ticket:confirm',
  'ticket:rate',
  'tickets:mine',
  'kb:search',
  'kb:sync',
  'kb:deflect',
  'kb:feedback',
  'action:status',
  'release:check',
  'site:appearance',
] as const satisfies ReadonlyArray<keyof AgentToHubEvents>;

// ---- /console -------------------------------------------------------------------------------

/** Console → hub. */
export interface ConsoleToHubEvents {
  /** Start receiving fleet changes; the ack carries the current fleet, so nothing falls in a gap. */
  'fleet:watch': (ack: AckCallback<{ devices: DeviceSummary[] }>) => void;
  /** Start receiving alert changes; the ack carries every alert that is not resolved. */
  'alerts:watch': (ack: AckCallback<{ alerts: Alert[] }>) => void;
  /** Start receiving ticket changes; the ack carries every ticket that is not closed. */
  'tickets:watch': (ack: AckCallback<{ tickets: Ticket[] }>) => void;
}

/** Hub → console. Coalesced: one message carries every change of a few hundred milliseconds. */
export interface HubToConsoleEvents {
  'devices:changed': (payload: DevicesChanged) => void;
  'devices:removed': (payload: DevicesRemoved) => void;
  'session:ended': (payload: SessionEnded) => void;
  'alerts:changed': (payload: AlertsChanged) => void;
  'tickets:changed': (payload: TicketsChanged) => void;
}

export const CONSOLE_TO_HUB_EVENTS = ['fleet:watch', 'alerts:watch', 'tickets:watch'] as const satisfies ReadonlyArray<keyof ConsoleToHubEvents>;

// ---- between hub processes (socket.io adapter) -----------------------------------------------

/** Hub ↔ hub, through the adapter when several hub processes share the load. */
export interface InterHubEvents {
  'device:revoked': (deviceId: string) => void;
}

/** What the hub attaches to an authenticated agent socket. */
export interface AgentSocketData {
  deviceId: string;
  siteId: string;
}

/** What the hub attaches to an authenticated console socket. */
export interface ConsoleSocketData {
  userId: string;
  role: 'admin' | 'technician' | 'auditor';
  sessionId: string;
  /** Technicians only: 1–3. */
  tier?: 1 | 2 | 3 | null;
  /** Sites this user may see; empty means every site. Every device query filters by it. */
  siteIds: string[];
}
