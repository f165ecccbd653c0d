import {
  AlertEventSchema,
  AlertListResponseSchema,
  AlertSchema,
  DeviceDetailSchema,
  Timestamp,
  type Alert,
  type AlertEvent,
  type AlertListQuery,
  type DeviceDetail,
} from '@deskside/protocol';

/** Something with zod's `safeParse` (what the HTTP client checks every answer against). */
export interface AnswerSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** The HTTP client's request function: method, path, schema of the answer (null: none), body. */
export type ApiRequest = <T>(method: string, path: string, schema: AnswerSchema<T> | null, body?: unknown) => Promise<T>;

/** `GET /api/v1/devices/:id`: the detail carries the device's alerts and maintenance window. */
export const DeviceDetailWithAlertsSchema: AnswerSchema<DeviceDetailWithAlerts> = DeviceDetailSchema;
export type DeviceDetailWithAlerts = DeviceDetail;

const EventListSchema = AlertEventSchema.array().max(10_000);

/** `{alert, events}` of `GET /api/v1/alerts/:id`. */
const AlertDetailSchema: AnswerSchema<{ alert: Alert; events: AlertEvent[] }> = {
  safeParse(value) {
    if (!isRecord(value)) return { success: false };
    const alert = AlertSchema.safeParse(value.alert);
    const events = EventListSchema.safeParse(value.events);
    return alert.success && events.success ? { success: true, data: { alert: alert.data, events: events.data } } : { success: false };
  },
};

/** An answer that may carry the changed alert (`{alert}`); anything else is fine too and gives null. */
const MaybeAlertAnswer: AnswerSchema<Alert | null> = {
  safeParse(value) {
    const parsed = isRecord(value) ? AlertSchema.safeParse(value.alert) : null;
    return { success: true, data: parsed?.success ? parsed.data : null };
  },
};

/** Alerts and maintenance over HTTP. Action methods resolve to the changed alert when the hub sends it. */
export interface AlertsApi {
  listAlerts(query?: AlertListQuery): Promise<Alert[]>;
  getAlert(id: string): Promise<{ alert: Alert; events: AlertEvent[] }>;
  acknowledgeAlert(id: string): Promise<Alert | null>;
  snoozeAlert(id: string, until: string): Promise<Alert | null>;
  resolveAlert(id: string, note?: string): Promise<Alert | null>;
  /** Starts (until a time) or ends (`null`) a device's maintenance window; resolves to the window now in force. */
  setMaintenance(deviceId: string, until: string | null): Promise<string | null>;
}

/** The alert endpoints, built on the HTTP client's request function. */
export function alertEndpoints(request: ApiRequest): AlertsApi {
  const alertPath = (id: string, action: string) => `/api/v1/alerts/${encodeURIComponent(id)}/${action}`;
  return {
    listAlerts: async (query = {}) => {
      const params = new URLSearchParams();
      if (query.state) params.set('state', query.state);
      if (query.severity) params.set('severity', query.severity);
      if (query.deviceId) params.set('deviceId', query.deviceId);
      const suffix = params.size > 0 ? `?${params.toString()}` : '';
      return (await request('GET', `/api/v1/alerts${suffix}`, AlertListResponseSchema)).alerts;
    },
    getAlert: (id) => request('GET', `/api/v1/alerts/${encodeURIComponent(id)}`, AlertDetailSchema),
    acknowledgeAlert: (id) => request('POST', alertPath(id, 'acknowledge'), MaybeAlertAnswer, {}),
    snoozeAlert: (id, until) => request('POST', alertPath(id, 'snooze'), MaybeAlertAnswer, { until }),
    resolveAlert: (id, note) => request('POST', alertPath(id, 'resolve'), MaybeAlertAnswer, note ? { note } : {}),
    setMaintenance: async (deviceId, until) => {
      const answer = await request('POST', `/api/v1/devices/${encodeURIComponent(deviceId)}/maintenance`, MaybeMaintenance, { until });
      return answer === undefined ? until : answer;
    },
  };
}

/** `{maintenanceUntil}` when the hub says what is in force; undefined when it answers something else. */
const MaybeMaintenance: AnswerSchema<string | null | undefined> = {
  safeParse(value) {
    if (!isRecord(value) || !('maintenanceUntil' in value)) return { success: true, data: undefined };
    const parsed = Timestamp.nullable().safeParse(value.maintenanceUntil);
    return { success: true, data: parsed.success ? parsed.data : undefined };
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
