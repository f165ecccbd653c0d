import { belowFloor, round1, type HealthCheck } from './types.js';

/** Battery wear: full capacity as a share of design capacity below the policy's floor. */
export const batteryHealthCheck: HealthCheck = {
  id: 'battery-health',
  persistence: (p) => ({ samples: p.persistSamples }),
  evaluate({ inventory, policy }) {
    const health = inventory?.battery?.healthPercent;
    if (health === null || health === undefined) return [];
    return [{
      subject: '',
      ...belowFloor(health, policy.batteryHealthPercentMin, policy.hysteresisPercent),
      severity: health < policy.batteryHealthPercentMin / 2 ? 'warning' : 'info',
      message: `Battery holds ${round1(health)}% of its design capacity (floor ${policy.batteryHealthPercentMin}%)`,
      value: round1(health),
      threshold: policy.batteryHealthPercentMin,
    }];
  },
};
