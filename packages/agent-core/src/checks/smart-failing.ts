import { flag, type HealthCheck, type Reading } from './types.js';

/** A disk whose SMART status says failing. Subject: the disk's serial (else its device name). */
export const smartFailingCheck: HealthCheck = {
  id: 'smart-failing',
  persistence: () => ({ samples: 1 }),
  evaluate({ inventory }) {
    const out: Reading[] = [];
    for (const d of inventory?.disks ?? []) {
      if (d.smartStatus === 'unknown') continue;
      const subject = d.serial ?? d.device ?? d.model ?? '';
      if (subject === '') continue;
      out.push({
        subject,
        ...flag(d.smartStatus === 'failing'),
        severity: 'critical',
        message: `Disk ${d.model ?? d.device ?? subject} reports SMART failing: back it up and replace it`,
        value: null,
        threshold: null,
      });
    }
    return out;
  },
};
