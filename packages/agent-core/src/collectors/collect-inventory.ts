import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InventoryDocumentSchema, type InventoryDocument } from '@deskside/protocol';
import { collectInventoryInProcess } from './collect-in-process.js';
import { SLOW_SECTIONS } from './default-collectors.js';
import { DEFAULT_COLLECTOR_TIMEOUT_MS, type CollectOptions } from './types.js';

/** Options of {@link collectInventory}. */
export interface CollectInventoryOptions extends CollectOptions {
  /** The compiled worker entry; defaults to `collect-worker.js` beside this module. */
  workerUrl?: URL;
  /** Run on this thread even when the worker file exists. */
  inProcess?: boolean;
}

/** Where a run happened, for logs and tests. */
export type CollectionMode = 'worker' | 'in-process';

/**
 * Collects the full inventory. systeminformation spawns processes, some synchronously on some
 * OSes, so the run happens in a worker thread; the answer is re-validated on arrival. Without a
 * compiled worker (running from TypeScript sources) or with injected collectors it runs in-process.
 */
export async function collectInventory(options: CollectInventoryOptions = {}): Promise<InventoryDocument> {
  return (await collectInventoryWithMode(options)).document;
}

export async function collectInventoryWithMode(
  options: CollectInventoryOptions = {},
): Promise<{ document: InventoryDocument; mode: CollectionMode }> {
  const workerUrl = options.workerUrl ?? new URL('./collect-worker.js', import.meta.url);
  const useWorker = !options.inProcess && !options.collectors && !options.now && existsSync(fileURLToPath(workerUrl));
  if (!useWorker) return { document: await collectInventoryInProcess(options), mode: 'in-process' };
  const timeoutMs = options.timeoutMs ?? DEFAULT_COLLECTOR_TIMEOUT_MS;
  return { document: await runWorker(workerUrl, timeoutMs, options.sections), mode: 'worker' };
}

function runWorker(url: URL, timeoutMs: number, sections: CollectOptions['sections']): Promise<InventoryDocument> {
  // Collectors run concurrently, each bounded (slow ones longer); past this the worker itself is stuck.
  const budget = Math.max(timeoutMs, ...Object.values(SLOW_SECTIONS)) + 10_000;
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { timeoutMs, sections }, execArgv: compiledExecArgv(process.execArgv) });
    const guard = setTimeout(() => {
      finish(new Error(`inventory worker did not answer within ${budget} ms`));
    }, budget);
    let done = false;
    const finish = (error: Error | null, document?: InventoryDocument) => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      void worker.terminate();
      if (error) reject(error);
      else if (document) resolve(document);
    };
    worker.once('message', (message: unknown) => {
      const m = message as { ok?: unknown; document?: unknown; message?: unknown };
      if (m.ok !== true) return finish(new Error(`inventory worker failed: ${String(m.message)}`));
      const parsed = InventoryDocumentSchema.safeParse(m.document);
      if (!parsed.success) return finish(new Error('inventory worker sent an invalid document'));
      finish(null, parsed.data);
    });
    worker.once('error', (e) => finish(e));
    worker.once('exit', (code) => finish(new Error(`inventory worker exited with code ${code}`)));
  });
}

/**
 * The worker runs compiled JavaScript: a `source` export condition inherited from a test runner
 * would point its imports at TypeScript files it cannot load, so resolution conditions are dropped.
 */
export function compiledExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (arg === '--conditions' || arg === '-C') {
      i++;
      continue;
    }
    if (arg.startsWith('--conditions=') || arg.startsWith('-C=')) continue;
    out.push(arg);
  }
  return out;
}
