import {
  fail,
  ok,
  type Ack,
  type InventoryDelta,
  type InventoryDocument,
  type InventoryFull,
  type InventoryOffer,
  type InventoryOfferAck,
  type InventoryStoredAck,
} from '@deskside/protocol';
import type { Repositories } from '@deskside/store';
import { linkSameAsset } from '../enrollment/reinstall-match.js';
import { recordInventoryChanges } from '../inventory-history/record-changes.js';
import { writeKey, type AgentWrite, type IngestDeps } from './agent-write.js';
import { idempotentWrite } from './idempotent-write.js';
import { applyInventoryDelta, inventoryHash, payloadHash } from './inventory-hash.js';
import { isSaneInstant } from './sane-instant.js';
import { summaryFromInventory } from './summary-fields.js';

type Deps = Pick<IngestDeps, 'store' | 'events' | 'hubChecks' | 'logger'>;
type Changes = Array<{ section: string; kind: string; summary: string }>;

/**
 * Where inventory is ingested. The agent offers a hash, the hub asks for the document only when it
 * is new, and later changes come as deltas applied onto the stored document. Each write commits
 * the document, its change history, reinstall links and the fleet-list columns with the message
 * record in one transaction (a retry answers the first result).
 */
export const inventoryIngest = {
  /** A read: answers from what is stored now, so it records nothing. */
  async offer(deps: Deps, write: AgentWrite<InventoryOffer>): Promise<Ack<InventoryOfferAck>> {
    const device = await deps.store.devices.findById(write.deviceId);
    const knownHash = device?.inventoryHash ?? null;
    return ok({ status: knownHash === write.payload.hash ? 'current' : 'wanted', knownHash });
  },

  async full(deps: Deps, write: AgentWrite<InventoryFull>): Promise<Ack<InventoryStoredAck>> {
    const { payload, deviceId, receivedAt } = write;
    const over = await overBudget(deps, deviceId, receivedAt, JSON.stringify(payload.document).length, 'inventory:full');
    if (over) return over;
    const invalid = checkDocument(payload.document, receivedAt);
    if (invalid) return fail('invalid_payload', `inventory:full: ${invalid}`);
    if (inventoryHash(payload.document) !== payload.hash) return fail('invalid_payload', 'inventory:full: hash does not match the document');
    const changes: Changes = [];
    const { ack } = await idempotentWrite(deps.store, writeKey('inventory:full', write, payloadHash(payload)), (tx) =>
      storeInventory(tx, deviceId, payload.hash, payload.document, receivedAt, changes),
    );
    if (ack.ok) afterCommit(deps, deviceId, changes);
    return ack;
  },

  async delta(deps: Deps, write: AgentWrite<InventoryDelta>): Promise<Ack<InventoryStoredAck>> {
    const { payload, deviceId, receivedAt } = write;
    const over = await overBudget(deps, deviceId, receivedAt, JSON.stringify(payload).length, 'inventory:delta');
    if (over) return over;
    const changes: Changes = [];
    const { ack } = await idempotentWrite(deps.store, writeKey('inventory:delta', write, payloadHash(payload)), async (tx): Promise<Ack<InventoryStoredAck>> => {
      const stored = await tx.inventory.get(deviceId);
      if (!stored || stored.hash !== payload.baseHash) return fail('inventory_base_mismatch', 'the hub does not hold baseHash; send the full document');
      const next = applyInventoryDelta(stored.document, payload);
      if (!next || inventoryHash(next) !== payload.hash) return fail('inventory_base_mismatch', 'the delta does not produce hash; send the full document');
      const invalid = checkDocument(next, receivedAt);
      if (invalid) return fail('invalid_payload', `inventory:delta: ${invalid}`);
      return storeInventory(tx, deviceId, payload.hash, next, receivedAt, changes);
    });
    if (ack.ok) afterCommit(deps, deviceId, changes);
    return ack;
  },
};

/**
 * Largest inventory document stored (a real PC's is 50-500 KB; 3.5 MB ones slowed every ack), and
 * the inventory characters (full documents and deltas) one device may send per hour.
 */
export const INVENTORY_BUDGET = { maxChars: 2_000_000, charsPerHour: 8_000_000 } as const;
const HOUR_MS = 3_600_000;

/**
 * The device's inventory budget, checked before the document is hashed, diffed or stored: one
 * document past the size cap is refused (payload_too_large), and the hourly volume past the
 * budget is refused (rate_limited: the agent's outbox retries later). Counted in the database,
 * so every hub shares it.
 */
export async function overBudget(
  deps: Pick<Deps, 'store'>,
  deviceId: string,
  at: Date,
  chars: number,
  what: string,
  budget: { maxChars: number; charsPerHour: number } = INVENTORY_BUDGET,
): Promise<Ack<never> | undefined> {
  if (chars > budget.maxChars) return fail('payload_too_large', `${what}: the document is larger than ${budget.maxChars} characters`);
  const key = `inventory-chars:${deviceId}`;
  if ((await deps.store.attempts.take(key, at, HOUR_MS, chars)).count <= budget.charsPerHour) return undefined;
  await deps.store.attempts.giveBack(key, chars);
  return fail('rate_limited', `${what}: this device has sent more inventory than the hub takes in an hour; retry later`);
}

/** After commit: the fleet list hears of the device, the watched-field check of what changed. */
function afterCommit(deps: Deps, deviceId: string, changes: Changes): void {
  deps.events.emit('deviceChanged', deviceId);
  if (changes.length > 0 && deps.hubChecks) {
    deps.hubChecks.onInventoryChanges(deviceId, changes).catch((err: unknown) => deps.logger.error('inventory-change check failed', { deviceId, err: String(err) }));
  }
}

/**
 * Stores the document and refreshes the fleet-list columns it implies, in the caller's transaction;
 * the semantic changes it recorded are pushed onto `changes`.
 */
async function storeInventory(tx: Repositories, deviceId: string, hash: string, document: InventoryDocument, at: Date, changes: Changes): Promise<Ack<InventoryStoredAck>> {
  // A transaction re-run after contention starts over: so does what it reports.
  changes.length = 0;
  const device = await tx.devices.findById(deviceId);
  if (!device) return fail('unauthorized', 'unknown device');
  // History and reinstall links are written in this same transaction: they cannot disagree with the document.
  const previous = await tx.inventory.get(deviceId);
  changes.push(...(await recordInventoryChanges(tx, deviceId, previous?.document, document, at)));
  await linkSameAsset(tx, deviceId, document, previous === undefined);
  await tx.inventory.put({ deviceId, hash, document, updatedAt: at });
  const summary = summaryFromInventory(document);
  await tx.devices.updateSummary(deviceId, summary.hostname ?? device.hostname, summary.fields);
  return ok({ hash });
}

/** Instants inside the document must be plausible; answers the problem, or undefined. */
function checkDocument(doc: InventoryDocument, now: Date): string | undefined {
  if (!isSaneInstant(doc.collectedAt, now)) return 'collectedAt is out of range';
  if (!isSaneInstant(doc.os?.lastBootAt, now)) return 'os.lastBootAt is out of range';
  return undefined;
}
