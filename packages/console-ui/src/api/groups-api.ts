import {
  DeviceListResponseSchema,
  GroupListResponseSchema,
  GroupSchema,
  type DeviceSummary,
  type Group,
  type GroupCreate,
  type GroupPatch,
} from '@deskside/protocol';
import { z } from 'zod';
import type { ApiRequest } from './alerts-api.js';

/**
 * A group's health-policy override as the hub answers it: the fields it overrides (thresholds and
 * hub-only fields), or null when the global policy applies. Fields are checked where they are used.
 */
const OverrideResponseSchema = z.object({ override: z.record(z.string(), z.unknown()).nullable() });
const DeletedSchema = z.object({ deleted: z.string() });

/** Device groups and their health-policy overrides over the hub's HTTP API. */
export interface GroupsApi {
  listGroups(): Promise<Group[]>;
  createGroup(body: GroupCreate): Promise<Group>;
  updateGroup(id: string, patch: GroupPatch): Promise<Group>;
  deleteGroup(id: string): Promise<void>;
  groupDevices(id: string): Promise<DeviceSummary[]>;
  groupPolicy(id: string): Promise<Record<string, unknown> | null>;
  /** Replaces the group's override with these fields. */
  setGroupPolicy(id: string, override: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  /** Drops the override: the group follows the global policy. */
  clearGroupPolicy(id: string): Promise<void>;
}

/** The group endpoints, on the HTTP client's request function. */
export function groupEndpoints(request: ApiRequest): GroupsApi {
  const path = (id: string, rest = '') => `/api/v1/groups/${encodeURIComponent(id)}${rest}`;
  return {
    listGroups: async () => (await request('GET', '/api/v1/groups', GroupListResponseSchema)).groups,
    createGroup: (body) => request('POST', '/api/v1/groups', GroupSchema, body),
    updateGroup: (id, patch) => request('PATCH', path(id), GroupSchema, patch),
    deleteGroup: async (id) => void (await request('DELETE', path(id), DeletedSchema)),
    groupDevices: async (id) => (await request('GET', path(id, '/devices'), DeviceListResponseSchema)).devices,
    groupPolicy: async (id) => (await request('GET', path(id, '/health-policy'), OverrideResponseSchema)).override,
    setGroupPolicy: async (id, override) => (await request('PUT', path(id, '/health-policy'), OverrideResponseSchema, override)).override,
    clearGroupPolicy: async (id) => void (await request('DELETE', path(id, '/health-policy'), OverrideResponseSchema)),
  };
}
