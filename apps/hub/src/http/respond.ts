import type { ServerResponse } from 'node:http';
import { HTTP_STATUS, type ErrorCode } from '@deskside/protocol';

/** Sends `body` as JSON. API answers are never cached: they can hold fleet data. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

/** Sends `{"error": {code, message}}` with the code's status. */
export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  if (code === 'unauthorized' || code === 'revoked') res.setHeader('WWW-Authenticate', 'Bearer');
  sendJson(res, HTTP_STATUS[code], { error: { code, message: message.slice(0, 1024) } });
}

/** Sends a short plain-text page (e.g. "console not built"). */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
