import type { ConnectivityView } from '../common/bridge-api.js';

export type CheckKey = 'adapter' | 'router' | 'dns' | 'hub';
export type AdviceKey = 'noAdapter' | 'router' | 'dns' | 'hub' | 'notSetUp';

export interface CheckLine {
  key: CheckKey;
  ok: boolean | null;
  /** The locale key of the value's words under `connection.` */
  value: 'adapterOk' | 'adapterNone' | 'routerOk' | 'routerNone' | 'routerDown' | 'dnsOk' | 'dnsDown' | 'hubOk' | 'hubDown' | 'notChecked';
}

/**
 * The connectivity check as four plain lines, and the one piece of advice for the first thing
 * that failed (the employee fixes one thing at a time, in the order packets travel).
 */
export function connectivityVerdict(check: ConnectivityView, hubConfigured = true): { lines: CheckLine[]; ok: boolean; advice: AdviceKey | null } {
  const addresses = check.adapters.flatMap((a) => a.ipv4);
  const lines: CheckLine[] = [
    { key: 'adapter', ok: addresses.length > 0, value: addresses.length > 0 ? 'adapterOk' : 'adapterNone' },
    {
      key: 'router',
      ok: check.defaultGateway === null ? false : check.gatewayReachable,
      value: check.defaultGateway === null ? 'routerNone' : check.gatewayReachable === null ? 'notChecked' : check.gatewayReachable ? 'routerOk' : 'routerDown',
    },
    { key: 'dns', ok: check.dnsResolves, value: check.dnsResolves === null ? 'notChecked' : check.dnsResolves ? 'dnsOk' : 'dnsDown' },
    { key: 'hub', ok: check.hubReachable, value: check.hubReachable === null ? 'notChecked' : check.hubReachable ? 'hubOk' : 'hubDown' },
  ];
  const firstBad = lines.find((l) => l.ok === false);
  const advice: AdviceKey | null = !hubConfigured
    ? 'notSetUp'
    : firstBad?.key === 'adapter'
      ? 'noAdapter'
      : firstBad
        ? firstBad.key === 'router'
          ? 'router'
          : firstBad.key
        : null;
  return { lines, ok: !firstBad, advice };
}
