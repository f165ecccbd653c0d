import {
  fail,
  InventoryDeltaSchema,
  InventoryFullSchema,
  InventoryOfferSchema,
  ok,
  type Ack,
  type InventoryDocument,
  type InventoryStoredAck,
} from '@deskside/protocol';
import type { Repositories } from '@deskside/store';
import { applyInventoryDelta, inventoryHash, payloadHash } from '../../services/ingest/inventory-hash.js';
import { summaryFromInventory } from '../../services/ingest/summary-fields.js';
import { linkSameAsset } from '../../services/enrollment/reinstall-match.js';
import { recordInventoryChanges } from '../../services/inventory-history/record-changes.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import { idempotentWrite } from '../../services/ingest/idempotent-write.js';

/**
 * The inventory exchange: the agent offers a hash, the hub asks for the document only when it is
 * new, and later changes come as deltas applied onto the stored document.
 */
export function registerInventoryHandlers(ctx: AgentContext, socket: AgentSocket): void {
  // An offer is a read: it answers from what is stored now, so it records nothing.
  socket.on(
    'inventory:offer',
    agentCommand(ctx, socket, 'inventory:offer', InventoryOfferSchema, async ({ payload, deviceId }) => {
      const device = await ctx.store.devices.findById(deviceId);
      const knownHash = device?.inventoryHash ?? null;
      return ok({ status: knownHash === payload.hash ? 'current' : 'wanted', knownHash });
    }),
  );

  socket.on(
    'inventory:full',
    agentCommand(ctx, socket, 'inventory:full', InventoryFullSchema, async ({ payload, deviceId, receivedAt }) => {
      const invalid = checkDocument(payload.document, receivedAt);
      if (invalid) return fail('invalid_payload', `inventory:full: ${invalid}`);
      if (inventoryHash(payload.document) !== payload.hash) {
        return fail('invalid_payload', 'inventory:full: hash does not match the document');
      }
      const key = { deviceId, messageId: payload.id, kind: 'inventory:full', payloadHash: payloadHash(payload), at: receivedAt };
      const changes: Changes = [];
      const { ack } = await idempotentWrite(ctx.store, key, (tx) =>
        storeInventory(tx, deviceId, payload.hash, payload.document, receivedAt, changes),
      );
      if (ack.ok) afterStore(ctx, deviceId, changes);
      return ack;
    }),
  );

  socket.on(
    'inventory:delta',
    agentCommand(ctx, socket, 'inventory:delta', InventoryDeltaSchema, async ({ payload, deviceId, receivedAt }) => {
      const key = { deviceId, messageId: payload.id, kind: 'inventory:delta', payloadHash: payloadHash(payload), at: receivedAt };
      const changes: Changes = [];
      const { ack } = await idempotentWrite(ctx.store, key, async (tx): Promise<Ack<InventoryStoredAck>> => {
        const stored = await tx.inventory.get(deviceId);
        if (!stored || stored.hash !== payload.baseHash) {
          return fail('inventory_base_mismatch', 'the hub does not hold baseHash; send the full document');
        }
        const next = applyInventoryDelta(stored.document, payload);
        if (!next || inventoryHash(next) !== payload.hash) {
          return fail('inventory_base_mismatch', 'the delta does not produce hash; send the full document');
        }
        const invalid = checkDocument(next, receivedAt);
        if (invalid) return fail('invalid_payload', `inventory:delta: ${invalid}`);
        return storeInventory(tx, deviceId, payload.hash, next, receivedAt, changes);
      });
      if (ack.ok) afterStore(ctx, deviceId, changes);
      return ack;
    }),
  );
}

type Changes = Array<{ section: string; kind: string; summary: string }>;

/** After commit: the fleet list hears of the device, the watched-field check of what changed. */
function afterStore(ctx: AgentContext, deviceId: string, changes: Changes): void {
  ctx.feed.markChanged(deviceId);
  if (changes.length > 0) ctx.onInventoryChanges?.(deviceId, changes);
}

/**
 * Stores the document and refreshes the fleet-list columns it implies, in the caller's transaction;
 * the semantic changes it recorded are pushed onto `changes`.
 */
async function storeInventory(
  tx: Repositories,
  deviceId: string,
  hash: string,
  document: InventoryDocument,
  at: Date,
  changes: Changes,
): Promise<Ack<InventoryStoredAck>> {
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
