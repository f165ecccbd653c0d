import { aboveCeiling, round1, type HealthCheck } from './types.js';

/** CPU busy above the policy's ceiling for `sustainMinutes`. */
export const cpuSustainedCheck: HealthCheck = {
  id: 'cpu-sustained',
  persistence: (p) => ({ minutes: p.sustainMinutes }),
  evaluate({ metrics, policy }) {
    if (!metrics) return [];
    return [{
      subject: '',
      ...aboveCeiling(metrics.cpuPercent, policy.cpuPercentMax, policy.hysteresisPercent),
      severity: 'warning',
      message: `CPU ${round1(metrics.cpuPercent)}% busy for ${policy.sustainMinutes} min or more (ceiling ${policy.cpuPercentMax}%)`,
      value: round1(metrics.cpuPercent),
      threshold: policy.cpuPercentMax,
    }];
  },
};
