// Worker-thread entry: collects the inventory off the caller's event loop and posts it back.
import { parentPort, workerData } from 'node:worker_threads';
import { collectInventoryInProcess } from './collect-in-process.js';
import { errorMessage } from '../util/with-timeout.js';

const timeoutMs = typeof workerData === 'object' && workerData !== null ? (workerData as { timeoutMs?: unknown }).timeoutMs : undefined;

collectInventoryInProcess({ timeoutMs: typeof timeoutMs === 'number' ? timeoutMs : undefined }).then(
  (document) => parentPort?.postMessage({ ok: true, document }),
  (e: unknown) => parentPort?.postMessage({ ok: false, message: errorMessage(e) }),
);
