import { execFile } from 'node:child_process';
import { promises as dns } from 'node:dns';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { requestHub, type HubRequester } from '../connection/hub-request.js';
import { withTimeout } from '../util/with-timeout.js';
import type { ConnectivityProbes } from './connectivity.js';

const STEP_TIMEOUT_MS = 2_000;

export interface SystemProbesOptions {
  platform?: NodeJS.Platform;
  requester?: HubRequester;
  /** The hub certificate pinned at enrolment, if any: `/healthz` then trusts only that certificate. */
  hubPin?: () => Promise<string | undefined>;
}

/** The connectivity probes on the real machine: no shell, every step bounded by a short timeout. */
export function systemConnectivityProbes(options: SystemProbesOptions = {}): ConnectivityProbes {
  const platform = options.platform ?? process.platform;
  const send = options.requester ?? requestHub;
  return {
    networkInterfaces: () => networkInterfaces(),
    defaultGateway: () => readDefaultGateway(platform),
    gatewayReachable: async (gateway) => (await ping(gateway, platform)) ?? (await tcpAnswers(gateway)),
    lookup: async (hostname) => (await withTimeout(dns.lookup(hostname), STEP_TIMEOUT_MS, `DNS lookup of ${hostname}`)).address,
    dnsServers: () => dns.getServers(),
    hubHealthy: async (hubUrl) => {
      const url = new URL('/healthz', hubUrl);
      const pin = url.protocol === 'https:' ? await options.hubPin?.() : undefined;
      const res = await send({ url, method: 'GET', timeoutMs: STEP_TIMEOUT_MS, maxBytes: 4096, ...(pin ? { pin } : {}) });
      return res.status >= 200 && res.status < 300;
    },
    now: () => Date.now(),
  };
}

/** Linux: /proc/net/route (little-endian hex); elsewhere: null (the inventory may still know it). */
async function readDefaultGateway(platform: NodeJS.Platform): Promise<string | null> {
  if (platform !== 'linux') return null;
  const table = await readFile('/proc/net/route', 'utf8');
  return parseProcNetRoute(table);
}

/** The gateway of the default route in a `/proc/net/route` table, or null. */
export function parseProcNetRoute(table: string): string | null {
  for (const line of table.split('\n').slice(1)) {
    const [, destination, gateway] = line.trim().split(/\s+/);
    if (destination !== '00000000' || !gateway || !/^[0-9A-Fa-f]{8}$/.test(gateway)) continue;
    const n = Number.parseInt(gateway, 16);
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
  }
  return null;
}

/** One ICMP echo with the OS's `ping` (no shell); `null` when ping is absent or not permitted. */
function ping(host: string, platform: NodeJS.Platform): Promise<boolean | null> {
  if (!/^[0-9a-fA-F:.]+$/.test(host)) return Promise.resolve(null);
  const args = platform === 'win32' ? ['-n', '1', '-w', '1000', host] : platform === 'darwin' ? ['-c', '1', '-t', '1', host] : ['-c', '1', '-W', '1', host];
  return new Promise((resolve) => {
    execFile('ping', args, { timeout: STEP_TIMEOUT_MS, windowsHide: true }, (error) => {
      if (!error) return resolve(true);
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT / EACCES: no ping here; exit status 1/2: it ran and got no answer.
      resolve(code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' ? null : false);
    });
  });
}

/** A gateway that accepts or actively refuses a TCP connection on a common port is reachable. */
async function tcpAnswers(host: string): Promise<boolean> {
  for (const port of [53, 80, 443]) {
    const answer = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port, timeout: 1_000 });
      const done = (result: boolean) => {
        socket.destroy();
        resolve(result);
      };
      socket.once('connect', () => done(true));
      socket.once('timeout', () => done(false));
      socket.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED'));
    });
    if (answer) return true;
  }
  return false;
}
