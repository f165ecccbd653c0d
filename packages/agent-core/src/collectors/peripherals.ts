import si from 'systeminformation';
import { LIMITS, type Printer, type UsbDevice } from '@deskside/protocol';
import { SectionUnknown, type CollectorEnv } from './env.js';
import { bool, cut, text } from './normalize.js';

/** Installed printers (CUPS on Linux/macOS, the spooler on Windows). */
export async function collectPrinters(): Promise<Printer[]> {
  const printers = await si.printer();
  return printers.slice(0, LIMITS.inventoryList).map((p) => ({
    name: cut(text(p.name) ?? 'unnamed', LIMITS.shortText),
    driver: text(p.model),
    port: text(p.uri),
    isDefault: bool(p.default),
    shared: bool(p.shared),
    network: bool(p.local) === null ? null : !p.local,
  }));
}

const hex4 = (v: unknown): string | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^(0x)?[0-9a-f]+$/i.test(v) ? Number.parseInt(v.replace(/^0x/i, ''), 16) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 0xffff ? n.toString(16).padStart(4, '0') : null;
};

/** USB devices; root hubs are left out (every PC has them and they say nothing). */
export async function collectUsb(env: CollectorEnv): Promise<UsbDevice[]> {
  if (env.platform === 'linux') {
    try {
      await env.listDir('/sys/bus/usb/devices');
    } catch {
      throw new SectionUnknown('the USB bus is not visible here (/sys/bus/usb missing: container or no USB controller)');
    }
  }
  const devices = await si.usb();
  return devices
    .filter((d) => !/root hub/i.test(`${d.name ?? ''} ${d.type ?? ''}`))
    .slice(0, LIMITS.inventoryList)
    .map((d) => ({
      name: text(d.name),
      manufacturer: text(d.manufacturer) ?? text(d.vendor),
      // systeminformation exposes no vendor/product id numbers on every OS; a hex vendor field is kept.
      vendorId: hex4(d.vendor),
      productId: null,
      serial: text(d.serialNumber),
      deviceClass: text(d.type, 64),
    }));
}
