// Type tests: they pin the event contract and are checked by `npm run typecheck`.
import { expectTypeOf } from 'vitest';
import type { Ack, ErrorCode } from './errors.js';
import type { AgentToHubEvents, ConsoleToHubEvents, HubToAgentEvents, HubToConsoleEvents } from './events.js';
import type { SiteAppearanceSyncAck } from './schemas/site-appearance.js';
import type { DeviceSummary } from './schemas/device.js';
import type { Heartbeat, HeartbeatAck } from './schemas/heartbeat.js';
import type { InventoryOfferAck } from './schemas/inventory.js';

expectTypeOf<Parameters<AgentToHubEvents['device:heartbeat']>[0]>().toEqualTypeOf<Heartbeat>();
expectTypeOf<Parameters<Parameters<AgentToHubEvents['device:heartbeat']>[1]>[0]>().toEqualTypeOf<Ack<HeartbeatAck>>();
expectTypeOf<Parameters<Parameters<AgentToHubEvents['inventory:offer']>[1]>[0]>().toEqualTypeOf<Ack<InventoryOfferAck>>();
expectTypeOf<Parameters<Parameters<ConsoleToHubEvents['fleet:watch']>[0]>[0]>().toEqualTypeOf<Ack<{ devices: DeviceSummary[] }>>();
expectTypeOf<Parameters<HubToConsoleEvents['devices:changed']>[0]>().toEqualTypeOf<{ devices: DeviceSummary[] }>();

// An ack is either data or a typed error, never both.
expectTypeOf<Ack<number>>().toEqualTypeOf<
  { ok: true; data: number } | { ok: false; error: { code: ErrorCode; message: string } }
>();

// The site appearance is a read answered with a stamp; its change notice carries nothing.
expectTypeOf<Parameters<Parameters<AgentToHubEvents['site:appearance']>[1]>[0]>().toEqualTypeOf<Ack<SiteAppearanceSyncAck>>();
expectTypeOf<Parameters<HubToAgentEvents['site:appearance-changed']>>().toEqualTypeOf<[]>();
