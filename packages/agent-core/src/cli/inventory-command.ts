import type { InventoryDocument } from '@deskside/protocol';
import { collectInventory } from '../collectors/collect-inventory.js';
import { createWifiSignalSampler, type WifiReading } from '../collectors/wifi-signal.js';
import { errorMessage } from '../util/with-timeout.js';
import type { CliIo } from './cli-io.js';

export interface InventoryCommandDeps {
  collect: () => Promise<InventoryDocument>;
  wifiSignal: () => Promise<WifiReading>;
}

const defaultDeps = (): InventoryCommandDeps => ({
  // The CLI does nothing else while it collects, so a worker thread (a second V8 heap) buys nothing.
  collect: () => collectInventory({ inProcess: true }),
  // No heartbeat waits here, so a slow source (macOS system_profiler) gets time to answer.
  wifiSignal: createWifiSignalSampler({ timeoutMs: 15_000 }),
});

/**
 * `deskside-agent inventory [--pretty]`: the full inventory as JSON on stdout. The Wi-Fi signal
 * is not part of the inventory (it would change the document every run), so it goes to stderr as
 * one line for the person at the terminal, leaving stdout a valid document.
 */
export async function inventoryCommand(pretty: boolean, io: CliIo, deps: InventoryCommandDeps = defaultDeps()): Promise<number> {
  try {
    const [document, wifi] = await Promise.all([deps.collect(), deps.wifiSignal().catch(() => undefined)]);
    io.stdout(`${JSON.stringify(document, null, pretty ? 2 : undefined)}\n`);
    const note = wifiNote(document.network?.wifi?.ssid ?? null, wifi);
    if (note !== null) io.stderr(`${note}\n`);
    return 0;
  } catch (e) {
    io.stderr(`deskside-agent: inventory failed: ${errorMessage(e)}\n`);
    return 1;
  }
}

/** "Wi-Fi "Office": signal -58 dBm (84 %)"; null when there is neither a network nor a reading. */
export function wifiNote(ssid: string | null, reading: WifiReading): string | null {
  const name = ssid === null ? '' : ` ${quoted(ssid)}`;
  if (reading) return `Wi-Fi${name}: signal ${reading.signalDbm ?? '?'} dBm (${reading.qualityPercent ?? '?'} %)`;
  if (ssid === null) return null;
  return `Wi-Fi${name}: signal unknown`;
}

/**
 * An SSID is whatever the access point broadcasts: JSON quoting escapes C0 controls, and C1
 * controls and bidi overrides are escaped too, so it cannot drive or disguise the terminal.
 */
function quoted(ssid: string): string {
  return JSON.stringify(ssid).replace(/[\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
