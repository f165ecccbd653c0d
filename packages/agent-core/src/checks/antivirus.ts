import type { HealthCheck } from './types.js';

/**
 * Antivirus: none enabled is critical; enabled but none up to date is a warning. Unknown (the
 * probe could not tell) says nothing. `definitionsUpdatedAt` is deliberately not aged into a
 * verdict when `upToDate` is null: the health policy has no definitions-age threshold, and a
 * built-in one would raise alerts a technician cannot tune.
 */
export const antivirusCheck: HealthCheck = {
  id: 'antivirus',
  persistence: (p) => ({ samples: p.persistSamples }),
  evaluate({ inventory }) {
    const products = inventory?.security?.antivirus;
    if (!products) return [];
    const enabled = products.filter((p) => p.enabled === true);
    // No product at all, or every one known to be off: off. Some unknown and none on: unknown.
    const off = products.every((p) => p.enabled === false);
    if (!off && enabled.length === 0) return [];
    const stale = enabled.length > 0 && enabled.every((p) => p.upToDate === false);
    const names = products.map((p) => p.name).join(', ').slice(0, 200) || 'none installed';
    return [{
      subject: '',
      bad: off || stale,
      clear: !off && !stale,
      severity: off ? 'critical' : 'warning',
      message: off ? `No antivirus is enabled (${names})` : stale ? `Antivirus signatures are out of date (${names})` : `Antivirus enabled and up to date (${names})`,
      value: null,
      threshold: null,
    }];
  },
};
