import {
  DeviceListResponseSchema,
  DeviceMergeResponseSchema,
  ErrorResponseSchema,
  LoginResponseSchema,
  type DeviceListQuery,
  type DeviceMergeResponse,
  type DeviceSummary,
  type LoginRequest,
  type LoginResponse,
} from '@deskside/protocol';
import { alertEndpoints, DeviceDetailWithAlertsSchema, type AlertsApi, type DeviceDetailWithAlerts } from './alerts-api.js';
import { ApiError, parseRetryAfter, type ApiErrorCode } from './api-error.js';
import { groupEndpoints, type GroupsApi } from './groups-api.js';
import { healthEndpoints, type HealthApi } from './health-api.js';
import { searchEndpoints, type SearchApi } from './search-api.js';
import { kbEndpoints, type KbApi, type UploadRequest } from './kb-api.js';
import { fixEndpoints, type FixesApi } from './fixes-api.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, ticketEndpoints, type TicketsApi } from './tickets-api.js';

/** Something with zod's `safeParse`: every answer is checked against its protocol schema. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export interface HttpClientOptions {
  /** The current session token, or null when logged out. */
  getToken: () => string | null;
  /** Called when the hub answers 401 to a request that carried a token: the session is gone. */
  onUnauthorized: () => void;
  /** Defaults to the page's origin (the hub serves the console). */
  baseUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The hub's HTTP API as the console uses it. Every method rejects with an {@link ApiError}. */
export interface HttpClient extends AlertsApi, TicketsApi, GroupsApi, HealthApi, SearchApi, KbApi, FixesApi {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(): Promise<void>;
  listDevices(query?: DeviceListQuery): Promise<DeviceSummary[]>;
  /** The device's detail; hubs with alerting add its alerts and maintenance window. */
  getDevice(id: string): Promise<DeviceDetailWithAlerts>;
  /** Folds the record `id` (usually the older one) into `intoId`; irreversible, `id` is revoked. */
  mergeDevice(id: string, intoId: string): Promise<DeviceMergeResponse>;
}

/** A typed fetch wrapper: bearer token, JSON both ways, error bodies mapped to `ApiError`. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const base = options.baseUrl ?? '';

  async function request<T>(method: string, path: string, schema: Schema<T> | null, body?: unknown): Promise<T> {
    const token = options.getToken();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError('network', 'Cannot reach the hub. Check the connection and try again.', 0);
    }
    const payload = await readJson(response);
    if (!response.ok) {
      const error = toApiError(response, payload, now());
      if (response.status === 401 && token !== null) options.onUnauthorized();
      throw error;
    }
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ApiError('bad_response', 'The hub sent an answer the console does not understand.', response.status);
    return parsed.data;
  }

  /** Image bytes (ticket attachments): the bearer header, the type and size checked before use. */
  async function requestBlob(path: string): Promise<Blob> {
    const token = options.getToken();
    const headers: Record<string, string> = { Accept: [...ATTACHMENT_TYPES].join(', ') };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method: 'GET', headers, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError('network', 'Cannot reach the hub. Check the connection and try again.', 0);
    }
    if (!response.ok) {
      const error = toApiError(response, await readJson(response), now());
      if (response.status === 401 && token !== null) options.onUnauthorized();
      throw error;
    }
    const type = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const blob = await response.blob();
    if (!ATTACHMENT_TYPES.has(type) || blob.size > MAX_ATTACHMENT_BYTES) {
      throw new ApiError('bad_response', 'The hub sent an attachment the console does not show.', response.status);
    }
    // Typed by what was checked, never by what the bytes might claim.
    return new Blob([blob], { type });
  }

  /** Raw bytes up (article images), JSON back, checked like every answer. */
  const upload: UploadRequest = async (path, body, schema) => {
    const token = options.getToken();
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': body.type || 'application/octet-stream' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method: 'POST', headers, body, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError('network', 'Cannot reach the hub. Check the connection and try again.', 0);
    }
    const payload = await readJson(response);
    if (!response.ok) {
      if (response.status === 401 && token !== null) options.onUnauthorized();
      throw toApiError(response, payload, now());
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ApiError('bad_response', 'The hub sent an answer the console does not understand.', response.status);
    return parsed.data;
  };

  return {
    login: (credentials) => request('POST', '/api/v1/login', LoginResponseSchema, credentials),
    logout: () => request('POST', '/api/v1/logout', null, {}),
    listDevices: async (query = {}) => {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.status) params.set('status', query.status);
      if (query.group) params.set('group', query.group);
      const suffix = params.size > 0 ? `?${params.toString()}` : '';
      return (await request('GET', `/api/v1/devices${suffix}`, DeviceListResponseSchema)).devices;
    },
    getDevice: (id) => request('GET', `/api/v1/devices/${encodeURIComponent(id)}`, DeviceDetailWithAlertsSchema),
    mergeDevice: (id, intoId) => request('POST', `/api/v1/devices/${encodeURIComponent(id)}/merge`, DeviceMergeResponseSchema, { intoId }),
    ...alertEndpoints(request),
    ...ticketEndpoints(request, requestBlob),
    ...groupEndpoints(request),
    ...healthEndpoints(request),
    ...searchEndpoints(request),
    ...kbEndpoints(request, requestBlob, upload),
    ...fixEndpoints(request),
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const FALLBACK_CODES: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/** The hub's `{"error": {code, message}}`, or a code guessed from the status when the body is not one. */
export function toApiError(response: Pick<Response, 'status' | 'statusText' | 'headers'>, payload: unknown, now: number): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now);
  const parsed = ErrorResponseSchema.safeParse(payload);
  if (parsed.success) return new ApiError(parsed.data.error.code, parsed.data.error.message, response.status, retryAfter);
  const code = FALLBACK_CODES[response.status] ?? (response.status >= 500 ? 'internal' : 'bad_response');
  const message = `The hub answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return new ApiError(code, message, response.status, retryAfter);
}
