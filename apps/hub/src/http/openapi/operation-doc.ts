import type { z } from 'zod';

/** What the API reference says about one route; the schemas are the protocol's, never copies. */
export interface OperationDoc {
  /** Groups operations in the reference (Devices, Tickets, ...). */
  tag: string;
  summary: string;
  description?: string;
  /** The query string, as the route parses it. */
  query?: z.ZodType;
  /** The JSON body, as the route parses it. */
  body?: z.ZodType;
  /** The JSON answer. */
  response?: z.ZodType;
  /** A non-JSON answer (file downloads, metrics): its media type. */
  file?: string;
  /** Success status; 200 unless said. */
  status?: 200 | 201 | 202 | 204;
}

/** Operation docs keyed by `METHOD /path` exactly as the route declares it (`GET /api/v1/devices/:id`). */
export type OperationCatalogue = Readonly<Record<string, OperationDoc>>;

export const operationKey = (method: string, path: string): string => `${method} ${path}`;
