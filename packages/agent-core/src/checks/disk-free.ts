import { belowFloor, GB, round1, type HealthCheck, type Reading } from './types.js';

/**
 * Free space per volume, in % and in GB: bad when below either floor (a 4 TB disk at 8 % still
 * has room; a 64 GB one at 12 % may not). Critical below half of a floor. Subject: the mount point.
 */
export const diskFreeCheck: HealthCheck = {
  id: 'disk-free',
  persistence: (p) => ({ samples: p.persistSamples }),
  evaluate({ volumes, inventory, policy }) {
    const list = volumes ?? inventory?.volumes?.filter((v) => v.removable !== true) ?? [];
    const out: Reading[] = [];
    for (const v of list) {
      if (v.sizeBytes <= 0) continue;
      const freeBytes = Math.max(0, v.sizeBytes - v.usedBytes);
      const freePercent = (freeBytes / v.sizeBytes) * 100;
      const freeGb = freeBytes / GB;
      const pct = belowFloor(freePercent, policy.diskFreePercentMin, policy.hysteresisPercent);
      // The GB floor never asks for more than the volume could hold.
      const gbFloor = Math.min(policy.diskFreeGbMin, (v.sizeBytes / GB) * 0.5);
      const gb = belowFloor(freeGb, gbFloor, policy.hysteresisPercent);
      const bad = pct.bad || gb.bad;
      const critical = freePercent < policy.diskFreePercentMin / 2 || freeGb < gbFloor / 2;
      out.push({
        subject: v.mount,
        bad,
        clear: pct.clear && gb.clear,
        severity: critical ? 'critical' : 'warning',
        message: `${v.mount} has ${round1(freePercent)}% free (${round1(freeGb)} GB); the floor is ${policy.diskFreePercentMin}% and ${round1(gbFloor)} GB`,
        value: round1(freePercent),
        threshold: policy.diskFreePercentMin,
      });
    }
    return out;
  },
};
