// A large bench fleet created in the database through the store, not over HTTP: enrolment is
// throttled per address (30 in flight, shared by the hubs) and is not what the bench measures;
// 30,000 HTTP enrolments would take longer than the measurement. The credentials are the same
// as enrolment gives (a random key; the hub stores its SHA-256, device-key.ts). Seed before the
// hubs start: a hub caches the devices it knows at start-up, and an id it does not know yet goes
// to a small handshake budget meant for junk.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@deskside/protocol';
import { openStore } from '@deskside/store';
import type { AgentCredential } from './messages.js';

/**
 * `count` active devices in the first site (created, as the first hub would, when the database is
 * new: opening the store migrates it), in batches of one transaction each.
 */
export async function seedFleet(databaseUrl: string, count: number, batch = 1000): Promise<AgentCredential[]> {
  const store = await openStore({ databaseUrl });
  try {
    let site = (await store.sites.list())[0];
    if (!site) {
      site = { id: newId(), name: 'Main office', createdAt: new Date() };
      await store.sites.create(site);
    }
    const runId = Date.now().toString(36);
    const credentials: AgentCredential[] = [];
    for (let start = 0; start < count; start += batch) {
      const chunk = Array.from({ length: Math.min(batch, count - start) }, () => ({ deviceId: newId(), deviceKey: randomBytes(32).toString('base64url') }));
      const enrolledAt = new Date();
      await store.transaction(async (tx) => {
        for (const [i, c] of chunk.entries()) {
          const n = start + i;
          await tx.devices.create({
            id: c.deviceId,
            siteId: site.id,
            machineId: `bench-${runId}-${n}`,
            hostname: `bench-${n}`,
            keyHash: createHash('sha256').update(c.deviceKey, 'utf8').digest('hex'),
            enrolledAt,
          });
        }
      });
      credentials.push(...chunk);
    }
    return credentials;
  } finally {
    await store.close();
  }
}
