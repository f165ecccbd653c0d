import { aboveCeiling, round1, type HealthCheck } from './types.js';

/** Memory in use above the policy's ceiling for `sustainMinutes`. */
export const memoryPressureCheck: HealthCheck = {
  id: 'memory-pressure',
  persistence: (p) => ({ minutes: p.sustainMinutes }),
  evaluate({ metrics, policy }) {
    if (!metrics || metrics.memTotalBytes <= 0) return [];
    const used = (metrics.memUsedBytes / metrics.memTotalBytes) * 100;
    return [{
      subject: '',
      ...aboveCeiling(used, policy.memoryUsedPercentMax, policy.hysteresisPercent),
      severity: 'warning',
      message: `Memory ${round1(used)}% in use for ${policy.sustainMinutes} min or more (ceiling ${policy.memoryUsedPercentMax}%)`,
      value: round1(used),
      threshold: policy.memoryUsedPercentMax,
    }];
  },
};
