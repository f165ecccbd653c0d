import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { PinnedAgent, peerFingerprint } from './tls-pin.js';

/** One small request to the hub (enrolment, `/healthz`). */
export interface HubRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Bytes of body kept at most; a longer answer fails (no unbounded buffering of a hostile answer). */
  maxBytes: number;
  /** https only: trust exactly this certificate (see {@link PinnedAgent}); absent: the system's CAs. */
  pin?: string;
}

export interface HubAnswer {
  status: number;
  text: string;
  /** https only: the SHA-256 fingerprint of the certificate the hub presented. */
  peerFingerprint: string | null;
}

/** What makes hub requests; tests replace it. */
export type HubRequester = (request: HubRequest) => Promise<HubAnswer>;

/**
 * `node:https` rather than `fetch`: undici takes no `https.Agent`, and pinning must happen before
 * the token is written. No redirects are followed (a redirect could carry the token elsewhere).
 */
export const requestHub: HubRequester = (req) =>
  new Promise<HubAnswer>((resolve, reject) => {
    const secure = req.url.protocol === 'https:';
    if (req.pin && !secure) return reject(new Error('a certificate fingerprint needs an https:// hub URL'));
    // A fresh agent without keep-alive: its one socket closes with the answer.
    const agent = req.pin ? new PinnedAgent(req.pin) : undefined;
    const options = {
      method: req.method,
      headers: { ...req.headers, ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) },
      signal: AbortSignal.timeout(req.timeoutMs),
      ...(agent ? { agent } : {}),
    };
    const onResponse = (res: IncomingMessage) => {
      const fingerprint = secure ? peerFingerprint(res.socket as TLSSocket) : null;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxBytes) {
          res.destroy(new Error('the hub answered with an oversized body'));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), peerFingerprint: fingerprint }));
    };
    const sent = secure ? httpsRequest(req.url, options, onResponse) : httpRequest(req.url, options, onResponse);
    sent.on('error', reject);
    sent.end(req.body);
  });
