import { getServers } from 'node:dns';
import { networkInterfaces as osInterfaces } from 'node:os';
import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { LIMITS } from '@deskside/protocol';
import { bool, cut, measure, text } from './normalize.js';

type Adapter = NonNullable<InventorySections['network']>['adapters'][number];

const VIRTUAL_NAME = /^(docker|veth|br-|virbr|vmnet|vboxnet|tun|tap|wg|utun|zt|tailscale|lxc|lxd|cni|flannel|cali|vnet|awdl|llw|bridge|gif|stf|anpi|ap\d)/i;

/** Network adapters (loopback left out), the default gateway and the DNS resolvers. */
export async function collectNetwork(): Promise<NonNullable<InventorySections['network']>> {
  const [ifaces, gateway, wifi] = await Promise.all([
    si.networkInterfaces(),
    si.networkGatewayDefault().catch(() => ''),
    si.wifiConnections().catch(() => []),
  ]);
  const list = Array.isArray(ifaces) ? ifaces : [ifaces];
  const addresses = osInterfaces();
  const adapters: Adapter[] = [];
  for (const n of list) {
    if (n.internal) continue;
    // systeminformation keeps one address per family; the OS lists them all.
    const own = addresses[n.iface] ?? [];
    const ipv4 = own.filter((a) => a.family === 'IPv4').map((a) => a.address);
    const ipv6 = own.filter((a) => a.family === 'IPv6').map((a) => a.address);
    if (ipv4.length === 0 && n.ip4) ipv4.push(n.ip4);
    if (ipv6.length === 0 && n.ip6) ipv6.push(n.ip6);
    const mac = text(n.mac, 64);
    adapters.push({
      name: cut(n.iface || n.ifaceName || 'unnamed', LIMITS.shortText),
      mac: mac === '00:00:00:00:00:00' ? null : mac,
      ipv4: bounded(ipv4, 64),
      ipv6: bounded(ipv6, 128),
      type: classifyAdapter(n),
      speedMbps: measure(n.speed, 10_000_000),
      dhcp: bool(n.dhcp),
      isDefault: n.default === true,
    });
    if (adapters.length >= LIMITS.inventoryList) break;
  }
  return {
    adapters,
    defaultGateway: text(gateway, 64),
    dnsServers: bounded(safeDnsServers(), 64),
    wifi: currentWifi(wifi),
  };
}

/** The network the PC is joined to now; signal strength is left out on purpose (it would change the hash every run). */
function currentWifi(connections: readonly si.Systeminformation.WifiConnectionData[]): NonNullable<InventorySections['network']>['wifi'] {
  const c = connections[0];
  if (!c) return null;
  const channel = typeof c.channel === 'number' && Number.isInteger(c.channel) && c.channel >= 0 && c.channel <= 1000 ? c.channel : null;
  return {
    ssid: text(c.ssid, 64),
    bssid: text(c.bssid, 64),
    security: text(Array.isArray(c.security) ? c.security.join(', ') : c.security, 64),
    channel,
  };
}

/** wired / wireless / virtual / other, from what the OS says and, failing that, the adapter's name. */
export function classifyAdapter(n: { iface: string; type?: string; virtual?: boolean; internal?: boolean }): Adapter['type'] {
  if (n.internal || n.virtual || VIRTUAL_NAME.test(n.iface)) return 'virtual';
  const type = (n.type ?? '').toLowerCase();
  if (type === 'wireless' || /^(wl|wlan|wifi|ath|ra\d)/i.test(n.iface)) return 'wireless';
  if (type === 'wired' || /^(en|eth|em|eno|ens|enp|Ethernet)/i.test(n.iface)) return 'wired';
  if (type === 'virtual') return 'virtual';
  return 'other';
}

function safeDnsServers(): string[] {
  try {
    return getServers();
  } catch {
    return [];
  }
}

function bounded(values: string[], max: number): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== '' && v.length <= max))].slice(0, LIMITS.addresses);
}
