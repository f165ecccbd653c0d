import { InventoryDocumentSchema, type InventoryDocument } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import type { WifiReading } from '../collectors/wifi-signal.js';
import type { CliIo } from './cli-io.js';
import { inventoryCommand, wifiNote } from './inventory-command.js';

const document = (ssid: string | null): InventoryDocument => ({
  schemaVersion: 1,
  collectedAt: '2026-03-10T12:00:00.000Z',
  agentVersion: '0.1.0',
  network: {
    adapters: [],
    defaultGateway: null,
    dnsServers: [],
    wifi: ssid === null ? null : { ssid, bssid: null, security: 'WPA2', channel: 36 },
  },
  probes: [],
});

async function run(ssid: string | null, reading: WifiReading | Error) {
  const captured = { out: '', err: '' };
  const io: CliIo = { stdout: (t) => void (captured.out += t), stderr: (t) => void (captured.err += t), onSignal: () => () => undefined };
  const code = await inventoryCommand(false, io, {
    collect: () => Promise.resolve(document(ssid)),
    wifiSignal: () => (reading instanceof Error ? Promise.reject(reading) : Promise.resolve(reading)),
  });
  return { code, ...captured };
}

describe('deskside-agent inventory: Wi-Fi signal', () => {
  it('prints the signal next to the SSID on stderr, keeping stdout a valid inventory document', async () => {
    const { code, out, err } = await run('Office', { signalDbm: -58, qualityPercent: 84 });
    expect(code).toBe(0);
    expect(InventoryDocumentSchema.parse(JSON.parse(out))).toEqual(document('Office'));
    expect(out).not.toContain('-58');
    expect(err).toBe('Wi-Fi "Office": signal -58 dBm (84 %)\n');
  });

  it('says "signal unknown" when the reading fails, and nothing for a PC without Wi-Fi', async () => {
    expect((await run('Office', new Error('netsh hung'))).err).toBe('Wi-Fi "Office": signal unknown\n');
    expect((await run(null, null)).err).toBe('');
    expect((await run(null, undefined)).err).toBe('');
  });

  it('escapes what an access point could use to drive or disguise the terminal', () => {
    const note = wifiNote('caf\u00e9\u001b[2J\u009b31m\u202eevil', { signalDbm: -70, qualityPercent: 60 }) ?? '';
    expect(note).toBe('Wi-Fi "café\\u001b[2J\\u009b31m\\u202eevil": signal -70 dBm (60 %)');
    expect([...note].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) || c === '\u202e')).toEqual([]);
  });
});
