import type { ConsoleSocketData, ConsoleToHubEvents, Role } from '@deskside/protocol';

/**
 * The one permission table: every action a signed-in person can take, and who may take it.
 * Every non-public HTTP route declares its action (`Route.permission`) and every console event has
 * one here; anything without an entry is refused (deny by default).
 */
export const PERMISSIONS = {
  // Every signed-in person: their own account.
  'self.read': ['admin', 'technician', 'auditor'],
  'self.manage': ['admin', 'technician', 'auditor'],
  // Fleet.
  'devices.read': ['admin', 'technician', 'auditor'],
  'devices.write': ['admin', 'technician'],
  'devices.revoke': ['admin'],
  'devices.approve': ['admin'],
  'devices.request-inventory': ['admin', 'technician'],
  // Alerts and tickets (technicians work them; auditors read).
  'alerts.read': ['admin', 'technician', 'auditor'],
  'alerts.write': ['admin', 'technician'],
  'tickets.read': ['admin', 'technician', 'auditor'],
  'tickets.write': ['admin', 'technician'],
  'attachments.read': ['admin', 'technician', 'auditor'],
  'export.read': ['admin', 'technician', 'auditor'],
  'reports.read': ['admin', 'technician', 'auditor'],
  // Knowledge base (employees read it through their tray, not with an account).
  'kb.read': ['admin', 'technician', 'auditor'],
  'kb.write': ['admin', 'technician'],
  // Consented fixes: technicians request them (per-action tiers in services/fixes); auditors read.
  'fixes.read': ['admin', 'technician', 'auditor'],
  'fixes.run': ['admin', 'technician'],
  'policies.read': ['admin', 'technician', 'auditor'],
  'policies.write': ['admin'],
  // Administration.
  'users.read': ['admin', 'auditor'],
  'users.write': ['admin'],
  'sessions.revoke-any': ['admin'],
  'sites.read': ['admin', 'technician', 'auditor'],
  'sites.write': ['admin'],
  'enroll-tokens.read': ['admin', 'auditor'],
  'enroll-tokens.write': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'api-tokens.read': ['admin', 'auditor'],
  'api-tokens.write': ['admin'],
  'webhooks.read': ['admin', 'auditor'],
  'channels.read': ['admin', 'auditor'],
  'webhooks.write': ['admin'],
  // Agent releases: what every PC installs, so only admins publish.
  'releases.read': ['admin', 'auditor'],
  'releases.write': ['admin'],
  'metrics.read': ['admin', 'technician', 'auditor'],
  // The global search; each kind of result is further checked against its own action.
  'search.read': ['admin', 'technician', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Technician tiers below this are refused the action even though their role has it. */
export const MIN_TIER: Partial<Record<Action, 1 | 2 | 3>> = {
  'devices.write': 1,
};

/** Whether `who` may take `action`. Unknown actions (a typo, a table entry removed) are refused. */
export function can(who: Pick<ConsoleSocketData, 'role' | 'tier'>, action: string): boolean {
  if (!Object.hasOwn(PERMISSIONS, action)) return false;
  const roles: readonly Role[] = PERMISSIONS[action as Action];
  if (!roles.includes(who.role)) return false;
  const minTier = MIN_TIER[action as Action];
  if (who.role !== 'technician' || minTier === undefined) return true;
  return (who.tier ?? 1) >= minTier;
}

/**
 * The action of every console → hub event. Typed over the whole event map, so an event added to
 * the protocol without an entry here fails to compile; at run time a missing one is refused.
 */
export const CONSOLE_EVENT_PERMISSIONS: Record<keyof ConsoleToHubEvents, Action> = {
  'fleet:watch': 'devices.read',
  'alerts:watch': 'alerts.read',
  'tickets:watch': 'tickets.read',
};

/** The action of a console event, or undefined (refuse it). */
export function consoleEventAction(event: string): Action | undefined {
  return Object.hasOwn(CONSOLE_EVENT_PERMISSIONS, event) ? CONSOLE_EVENT_PERMISSIONS[event as keyof ConsoleToHubEvents] : undefined;
}
