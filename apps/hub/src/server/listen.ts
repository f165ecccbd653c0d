import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Starts listening; resolves with the port actually bound (port 0 picks a free one). */
export function listen(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The URL to reach the hub at: a wildcard host is reached through loopback. */
export function hubUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The origins a browser uses for this hub: its URL, loopback aliases, and every interface when bound to all. */
export function ownOrigins(host: string, port: number): string[] {
  const origins = new Set<string>([hubUrl(host, port)]);
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  if (LOOPBACK.has(host) || wildcard) {
    for (const h of ['127.0.0.1', 'localhost', '::1']) origins.add(hubUrl(h, port));
  }
  if (wildcard) {
    for (const list of Object.values(networkInterfaces())) {
      for (const nic of list ?? []) origins.add(hubUrl(nic.address, port));
    }
  }
  return [...origins];
}
