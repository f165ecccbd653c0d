import { flag, type HealthCheck } from './types.js';

/** The OS firewall is off (any profile off). Unknown says nothing. */
export const firewallCheck: HealthCheck = {
  id: 'firewall',
  persistence: (p) => ({ samples: p.persistSamples }),
  evaluate({ inventory }) {
    const enabled = inventory?.security?.firewallEnabled;
    if (enabled === null || enabled === undefined) return [];
    const off = (inventory?.security?.firewallProfiles ?? []).filter((p) => p.enabled === false).map((p) => p.name);
    return [{
      subject: '',
      ...flag(!enabled),
      severity: 'warning',
      message: enabled ? 'Firewall is on' : `Firewall is off${off.length > 0 ? ` (${off.join(', ').slice(0, 200)})` : ''}`,
      value: null,
      threshold: null,
    }];
  },
};
