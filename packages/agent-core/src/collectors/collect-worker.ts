// Worker-thread entry: collects the inventory off the caller's event loop and posts it back.
import { parentPort, workerData } from 'node:worker_threads';
import { INVENTORY_SECTIONS } from '@deskside/protocol';
import { collectInventoryInProcess } from './collect-in-process.js';
import { errorMessage } from '../util/with-timeout.js';

const data = typeof workerData === 'object' && workerData !== null ? (workerData as { timeoutMs?: unknown; sections?: unknown }) : {};
const timeoutMs = typeof data.timeoutMs === 'number' ? data.timeoutMs : undefined;
const sections = Array.isArray(data.sections) ? INVENTORY_SECTIONS.filter((s) => (data.sections as unknown[]).includes(s)) : undefined;

collectInventoryInProcess({ timeoutMs, ...(sections ? { sections } : {}) }).then(
  (document) => parentPort?.postMessage({ ok: true, document }),
  (e: unknown) => parentPort?.postMessage({ ok: false, message: errorMessage(e) }),
);
