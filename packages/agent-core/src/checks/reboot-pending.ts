import { flag, type HealthCheck } from './types.js';

const DAY = 24 * 3600_000;

/** The OS has wanted a reboot (updates) for longer than the policy allows. */
export const rebootPendingCheck: HealthCheck = {
  id: 'reboot-pending',
  persistence: () => ({ samples: 1 }),
  evaluate({ inventory, policy, rebootPendingSince, at }) {
    const pending = inventory?.security?.rebootPending;
    if (pending === null || pending === undefined) return [];
    const days = pending && rebootPendingSince !== null ? (at - rebootPendingSince) / DAY : 0;
    return [{
      subject: '',
      ...flag(pending && days > policy.rebootPendingDaysMax),
      severity: 'info',
      message: `A reboot has been pending for ${Math.floor(days)} days (allowed ${policy.rebootPendingDaysMax})`,
      value: Math.floor(days),
      threshold: policy.rebootPendingDaysMax,
    }];
  },
};
