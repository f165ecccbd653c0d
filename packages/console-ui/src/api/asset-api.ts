import {
  DeviceAssetResponseSchema,
  DeviceListResponseSchema,
  SoftwareTopResponseSchema,
  SoftwareVersionsResponseSchema,
  type DeviceAssetResponse,
  type DevicePatch,
  type DeviceSummary,
  type SoftwareTopResponse,
  type SoftwareVersionsResponse,
} from '@deskside/protocol';
import { ApiError } from './api-error.js';
import { toApiError } from './http-client.js';

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export interface AssetApiOptions {
  getToken: () => string | null;
  onUnauthorized: () => void;
  baseUrl?: string;
}

/** Asset records, asset lists, the software report and exports (issue 6) over the hub's HTTP API. */
export interface AssetApi {
  getAsset(deviceId: string): Promise<DeviceAssetResponse>;
  patchAsset(deviceId: string, patch: DevicePatch): Promise<DeviceAssetResponse>;
  /** The warranty / not-seen lists: `GET /api/v1/devices?warrantyWithinDays=N` or `?notSeenForDays=N`. */
  listDevices(params: Record<string, string>): Promise<DeviceSummary[]>;
  softwareTop(limit?: number): Promise<SoftwareTopResponse>;
  softwareVersions(name: string): Promise<SoftwareVersionsResponse>;
  /** Starts an export download: the raw response (the caller reads its body for progress). */
  openExport(path: string, signal: AbortSignal): Promise<Response>;
}

export function createAssetApi(options: AssetApiOptions): AssetApi {
  const base = options.baseUrl ?? '';
  const send = async (method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> => {
    const token = options.getToken();
    const headers: Record<string, string> = {};
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('network', 'Cannot reach the hub. Check the connection and try again.', 0);
    }
    if (!response.ok) {
      const payload: unknown = await response.json().catch(() => null);
      if (response.status === 401 && token !== null) options.onUnauthorized();
      throw toApiError(response, payload, Date.now());
    }
    return response;
  };
  const json = async <T>(method: string, path: string, schema: Schema<T>, body?: unknown): Promise<T> => {
    const response = await send(method, path, body);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ApiError('bad_response', 'The hub sent an answer the console does not understand.', response.status);
    return parsed.data;
  };
  const device = (id: string) => `/api/v1/devices/${encodeURIComponent(id)}`;
  return {
    getAsset: (id) => json('GET', `${device(id)}/asset`, DeviceAssetResponseSchema),
    patchAsset: (id, patch) => json('PATCH', device(id), DeviceAssetResponseSchema, patch),
    listDevices: async (params) => (await json('GET', `/api/v1/devices?${new URLSearchParams(params).toString()}`, DeviceListResponseSchema)).devices,
    softwareTop: (limit = 5_000) => json('GET', `/api/v1/reports/software?limit=${limit}`, SoftwareTopResponseSchema),
    softwareVersions: (name) => json('GET', `/api/v1/reports/software?${new URLSearchParams({ name }).toString()}`, SoftwareVersionsResponseSchema),
    openExport: (path, signal) => send('GET', path, undefined, signal),
  };
}
