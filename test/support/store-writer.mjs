// One writer process for test/integration/store-concurrency.test.ts: opens its OWN connection to
// the shared SQLite WAL file and writes through the hub's built services, starting at a given
// instant so two of them overlap. Prints one JSON line with what it saw.
import { openStore } from '@deskside/store';
import { idempotentWrite } from '../../apps/hub/dist/services/ingest/idempotent-write.js';
import { createAuditService } from '../../apps/hub/dist/services/audit/audit-service.js';

const [dataDir, mode, deviceId, countText, startAtText, name] = process.argv.slice(2);
const count = Number(countText);
const errors = [];
const logger = { debug() {}, info() {}, warn() {}, error: (msg, fields) => errors.push(`${msg} ${JSON.stringify(fields)}`), child: () => logger };
const store = await openStore({ dataDir });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())));
const out = { name, written: [], replayed: [], failed: errors };
if (mode === 'messages') {
  // Both writers send the same message ids, interleaved: each id must be written exactly once.
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const messageId = `m-${String(i).padStart(4, '0')}`;
      const at = new Date();
      const key = { deviceId, messageId, kind: 'test:write', payloadHash: 'same-payload', at };
      try {
        const { ack, replayed } = await idempotentWrite(store, key, async (tx) => {
          await tx.health.insertMany([{ deviceId, messageId, at, metrics: { cpuPercent: i % 100, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: 1, diskTotalBytes: 2, uptimeSeconds: 60 } }]);
          return { ok: true, data: { by: name } };
        });
        if (!ack.ok) errors.push(`${messageId}: ${ack.error.code}`);
        else (replayed ? out.replayed : out.written).push(messageId);
      } catch (err) {
        errors.push(`${messageId}: ${String(err)}`);
      }
    }),
  );
} else {
  const audit = createAuditService({ store, clock: () => new Date(), logger });
  await Promise.all(Array.from({ length: count }, (_, i) => audit.record({ id: name, name }, 'test.write', `target:${name}:${i}`, {})));
}
await store.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
