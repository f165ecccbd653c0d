import si from 'systeminformation';
import type { GraphicsAdapter, Monitor } from '@deskside/protocol';
import { bool, byteCount, text } from './normalize.js';

let cached: { at: number; value: Promise<si.Systeminformation.GraphicsData> } | undefined;

/** One si.graphics() call serves both sections of a run (it spawns several programs). */
function graphicsData(): Promise<si.Systeminformation.GraphicsData> {
  const now = Date.now();
  if (!cached || now - cached.at > 5_000) cached = { at: now, value: si.graphics() };
  return cached.value;
}

/** GPUs. */
export async function collectGraphics(): Promise<GraphicsAdapter[]> {
  const g = await graphicsData();
  return g.controllers.slice(0, 32).map((c) => ({
    model: text(c.model),
    vendor: text(c.vendor),
    // systeminformation reports VRAM in MB.
    vramBytes: typeof c.vram === 'number' && c.vram > 0 ? byteCount(c.vram * 1024 * 1024) : null,
    bus: text(c.bus, 64),
    driverVersion: text(c.driverVersion, 128),
  }));
}

/** Monitors, with the EDID serial where the OS exposes it. Native resolution only (the current mode churns). */
export async function collectMonitors(): Promise<Monitor[]> {
  const g = await graphicsData();
  return g.displays.slice(0, 32).map((d) => ({
    manufacturer: text(d.vendor),
    model: text(d.model),
    serial: text(d.serial),
    resolution: d.resolutionX && d.resolutionY ? `${d.resolutionX}x${d.resolutionY}` : null,
    builtIn: bool(d.builtin),
    connection: text(d.connection, 64),
  }));
}
