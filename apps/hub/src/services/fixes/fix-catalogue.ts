import { FIX_ACTION_IDS, FIX_TEXT, type FixAction, type FixActionId, type FixParamDoc, type FixPolicy } from '@deskside/protocol';
import { can } from '../access/permissions.js';
import type { AuthenticatedUser } from '../auth/session.js';

/** Technicians below this tier may not request the action (it changes more than a cache). */
export const FIX_MIN_TIER: Readonly<Record<FixActionId, 1 | 2 | 3>> = {
  'flush-dns': 1,
  'renew-dhcp': 1,
  'reset-network-adapter': 2,
  'restart-print-spooler': 1,
  'clear-temp-files': 1,
  'restart-service': 2,
  'install-app': 2,
  'update-app': 1,
  'uninstall-app': 2,
  'collect-logs': 1,
  reboot: 2,
};

/** Needs administrator rights on Windows and Linux (the agent's system service). */
const NEEDS_ADMIN: ReadonlySet<FixActionId> = new Set(['renew-dhcp', 'reset-network-adapter', 'restart-print-spooler', 'restart-service', 'install-app', 'update-app', 'uninstall-app', 'reboot']);

const adapter: FixParamDoc = { name: 'adapter', label: 'Network adapter', kind: 'text' };

function paramDocs(action: FixActionId, policy: FixPolicy): FixParamDoc[] {
  switch (action) {
    case 'renew-dhcp':
    case 'reset-network-adapter':
      return [adapter];
    case 'restart-print-spooler':
      return [{ name: 'clearQueue', label: 'Clear the print queue', kind: 'boolean', default: true }];
    case 'clear-temp-files':
      return [
        { name: 'olderThanDays', label: 'Older than (days)', kind: 'integer', min: 0, max: 365, default: 1 },
        { name: 'emptyRecycleBin', label: 'Empty the recycle bin', kind: 'boolean', default: false },
      ];
    case 'restart-service':
      return [{ name: 'service', label: 'Service', kind: 'choice', choices: policy.services }];
    case 'install-app':
    case 'update-app':
    case 'uninstall-app':
      return [{ name: 'package', label: 'Application', kind: 'choice', choices: policy.packages }];
    case 'collect-logs':
      return [{ name: 'sinceHours', label: 'Hours back', kind: 'integer', min: 1, max: 168, default: 24 }];
    case 'reboot':
      return [{ name: 'delayMinutes', label: 'In (minutes)', kind: 'integer', min: 0, max: 1440, default: 10 }];
    default:
      return [];
  }
}

/** Whether `user` may request `action` (role, then tier). */
export function mayRequest(user: Pick<AuthenticatedUser, 'role' | 'tier'>, action: FixActionId): boolean {
  if (!can(user, 'fixes.run')) return false;
  return user.role !== 'technician' || (user.tier ?? 1) >= FIX_MIN_TIER[action];
}

/** `GET /api/v1/actions`: the catalogue as this user may use it. */
export function catalogueFor(user: Pick<AuthenticatedUser, 'role' | 'tier'>, policy: FixPolicy): FixAction[] {
  return FIX_ACTION_IDS.map((id) => ({
    id,
    title: FIX_TEXT[id].title,
    description: FIX_TEXT[id].description,
    params: paramDocs(id, policy),
    os: ['linux', 'windows', 'macos'],
    needsAdmin: NEEDS_ADMIN.has(id),
    selfService: policy.selfService.includes(id),
    allowed: mayRequest(user, id),
  }));
}
