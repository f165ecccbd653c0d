import { flag, type HealthCheck } from './types.js';

/** Not restarted for longer than the policy allows (updates do not apply, leaks pile up). */
export const uptimeCheck: HealthCheck = {
  id: 'uptime',
  persistence: () => ({ samples: 1 }),
  evaluate({ metrics, policy }) {
    if (!metrics) return [];
    const days = metrics.uptimeSeconds / 86_400;
    return [{
      subject: '',
      ...flag(days > policy.uptimeDaysMax),
      severity: 'info',
      message: `Up for ${Math.floor(days)} days without a restart (allowed ${policy.uptimeDaysMax})`,
      value: Math.floor(days),
      threshold: policy.uptimeDaysMax,
    }];
  },
};
