import { HealthHourlyResponseSchema, type HealthHourPoint } from '@deskside/protocol';
import type { ApiRequest } from './alerts-api.js';

/** A device's longer health history over the hub's HTTP API. */
export interface HealthApi {
  /** Hourly health (rollups, and hours still at full resolution) of hours starting in [from, to), oldest first. */
  deviceHealthHourly(id: string, from: Date, to: Date): Promise<HealthHourPoint[]>;
}

/** The health endpoints, on the HTTP client's request function. */
export function healthEndpoints(request: ApiRequest): HealthApi {
  return {
    deviceHealthHourly: async (id, from, to) => {
      const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
      const path = `/api/v1/devices/${encodeURIComponent(id)}/health/hourly?${params.toString()}`;
      return (await request('GET', path, HealthHourlyResponseSchema)).hourly;
    },
  };
}
