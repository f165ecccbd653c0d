import { FixActionListResponseSchema, FixRunListResponseSchema, FixRunResponseSchema, type FixAction, type FixActionId, type FixRun } from '@deskside/protocol';
import type { ApiRequest } from './alerts-api.js';

/** Consented fixes over the hub's HTTP API. */
export interface FixesApi {
  /** The catalogue, with whether this user may request each action. */
  listFixActions(): Promise<FixAction[]>;
  /** Asks the device for a fix (202: requested; the run then follows the agent's reports). */
  requestFix(deviceId: string, fix: { action: FixActionId; params: Record<string, unknown>; ticketId?: string }): Promise<FixRun>;
  deviceFixRuns(deviceId: string): Promise<FixRun[]>;
  ticketFixRuns(ticketId: string): Promise<FixRun[]>;
}

export function fixEndpoints(request: ApiRequest): FixesApi {
  return {
    listFixActions: async () => (await request('GET', '/api/v1/actions', FixActionListResponseSchema)).actions,
    requestFix: async (deviceId, fix) => (await request('POST', `/api/v1/devices/${encodeURIComponent(deviceId)}/actions`, FixRunResponseSchema, fix)).run,
    deviceFixRuns: async (deviceId) => (await request('GET', `/api/v1/devices/${encodeURIComponent(deviceId)}/actions`, FixRunListResponseSchema)).runs,
    ticketFixRuns: async (ticketId) => (await request('GET', `/api/v1/tickets/${encodeURIComponent(ticketId)}/actions`, FixRunListResponseSchema)).runs,
  };
}
