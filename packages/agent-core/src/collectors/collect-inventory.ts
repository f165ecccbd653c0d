import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { InventoryDocumentSchema, type InventoryDocument } from '@deskside/protocol';
import { DEFAULT_COLLECTOR_TIMEOUT_MS, SLOW_SECTIONS, type CollectOptions } from './types.js';
import { BudgetMeter, DEFAULT_BUDGET, type BudgetBreach, type ResourceBudget } from '../watchdog/budget-meter.js';

/** Options of {@link collectInventory}. */
export interface CollectInventoryOptions extends CollectOptions {
  /** The compiled worker entry; defaults to `collect-worker.js` beside this module. */
  workerUrl?: URL;
  /** Run on this thread even when the worker file exists. */
  inProcess?: boolean;
  /** The worker's budget (osquery's defaults); past it the worker is terminated. */
  budget?: ResourceBudget;
}

/** The collector worker went over its budget and was terminated; the next run starts a fresh one. */
export class CollectorBudgetError extends Error {
  constructor(readonly breach: BudgetBreach) {
    super(`inventory collector ${breach.message}`);
    this.name = 'CollectorBudgetError';
  }
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
  if (!useWorker) {
    // Imported here: a process that collects in its worker never loads the collectors itself.
    const { collectInventoryInProcess } = await import('./collect-in-process.js');
    return { document: await collectInventoryInProcess(options), mode: 'in-process' };
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_COLLECTOR_TIMEOUT_MS;
  return { document: await runWorker(workerUrl, timeoutMs, options.sections, options.budget ?? DEFAULT_BUDGET), mode: 'worker' };
}

function runWorker(url: URL, timeoutMs: number, sections: CollectOptions['sections'], budget: ResourceBudget): Promise<InventoryDocument> {
  // Collectors run concurrently, each bounded (slow ones longer); past this the worker itself is stuck.
  const deadline = Math.max(timeoutMs, ...Object.values(SLOW_SECTIONS)) + 10_000;
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: { timeoutMs, sections },
      execArgv: compiledExecArgv(process.execArgv),
      // The memory budget as the worker's heap ceiling: V8 stops the worker when it is reached.
      resourceLimits: { maxOldGenerationSizeMb: Math.max(16, Math.floor(budget.maxRssBytes / 1024 / 1024)) },
    });
    const guard = setTimeout(() => {
      finish(new Error(`inventory worker did not answer within ${deadline} ms`));
    }, deadline);
    // CPU: the worker's busy time (event-loop utilisation) against the budget, once a second.
    const meter = new BudgetMeter(budget);
    const cpuWatch = setInterval(() => {
      const breach = meter.observe({ at: performance.now(), rssBytes: null, cpuMs: worker.performance.eventLoopUtilization().active });
      if (breach) finish(new CollectorBudgetError(breach));
    }, 1_000);
    cpuWatch.unref();
    let done = false;
    const finish = (error: Error | null, document?: InventoryDocument) => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      clearInterval(cpuWatch);
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
    worker.once('error', (e: Error & { code?: string }) => {
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') return finish(e);
      const limit = Math.round(budget.maxRssBytes / 1024 / 1024);
      finish(new CollectorBudgetError({ resource: 'memory', value: limit, threshold: limit, message: `ran out of its ${limit} MB memory budget` }));
    });
    worker.once('exit', (code) => finish(new Error(`inventory worker exited with code ${code}`)));
  });
}

/** V8 flags a process may start with (the service's) that a worker thread refuses to inherit. */
const PROCESS_ONLY_FLAGS = /^--(lite-mode|no-expose-wasm|max-semi-space-size|semi-space-growth-factor|optimize-for-size|max-old-space-size|jitless|expose-gc)(=|$)/;

/**
 * The worker runs compiled JavaScript: a `source` export condition inherited from a test runner
 * would point its imports at TypeScript files it cannot load, so resolution conditions are dropped;
 * so are V8 flags that only a process can take (the worker has its own resource limits).
 */
export function compiledExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (arg === '--conditions' || arg === '-C') {
      i++;
      continue;
    }
    if (arg.startsWith('--conditions=') || arg.startsWith('-C=') || PROCESS_ONLY_FLAGS.test(arg)) continue;
    out.push(arg);
  }
  return out;
}
