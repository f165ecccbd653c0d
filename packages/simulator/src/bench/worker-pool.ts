import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AgentCredential, WorkerCommand, WorkerReport } from './messages.js';

export interface WorkerPoolOptions {
  /**
   * One loopback source address per process (127.0.0.x), cycled: each process then has its own
   * range of ephemeral ports towards the hub, so tens of thousands of sockets do not run out.
   */
  localAddresses?: string[];
}

/**
 * The load processes, addressed together: every command goes to all, and waits for all reports.
 * Processes rather than worker threads: the sockets of a thread count against the bench
 * process's open-file cap, and one process cannot hold more than ~20,000 of them here.
 */
export class WorkerPool {
  private readonly workers: ChildProcess[];
  private readonly localAddresses: string[];

  constructor(count: number, options: WorkerPoolOptions = {}) {
    const file = fileURLToPath(new URL('./load-worker.js', import.meta.url));
    this.workers = Array.from({ length: count }, () => fork(file, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
    this.localAddresses = options.localAddresses ?? [];
  }

  get pids(): number[] {
    return this.workers.map((w) => w.pid ?? 0);
  }

  /** `heartbeatSeconds`: the agents heartbeat (unmeasured) between measurements, as real ones do. */
  async connect(url: string, namespace: string, agents: AgentCredential[], heartbeatSeconds?: number) {
    const shares = this.workers.map((_, i) => agents.filter((_a, j) => j % this.workers.length === i));
    const reports = await Promise.all(
      this.workers.map((w, i) => {
        const localAddress = this.localAddresses.length > 0 ? this.localAddresses[i % this.localAddresses.length] : undefined;
        return this.ask(w, { type: 'connect', url, namespace, agents: shares[i] ?? [], ...(localAddress ? { localAddress } : {}), ...(heartbeatSeconds ? { heartbeatSeconds } : {}) }, 'connected');
      }),
    );
    return {
      connected: reports.reduce((n, r) => n + r.connected, 0),
      failed: reports.reduce((n, r) => n + r.failed, 0),
      firstError: reports.find((r) => r.firstError)?.firstError ?? null,
    };
  }

  async steady(seconds: number, heartbeatSeconds: number) {
    const reports = await Promise.all(this.workers.map((w) => this.ask(w, { type: 'steady', seconds, heartbeatSeconds }, 'steady-done')));
    return { latencies: reports.flatMap((r) => r.latencies), failed: reports.reduce((n, r) => n + r.failed, 0) };
  }

  async throughput(seconds: number) {
    const reports = await Promise.all(this.workers.map((w) => this.ask(w, { type: 'throughput', seconds }, 'throughput-done')));
    const acked = reports.reduce((n, r) => n + r.acked, 0);
    const elapsed = Math.max(...reports.map((r) => r.seconds));
    return { acked, failed: reports.reduce((n, r) => n + r.failed, 0), acksPerSecond: acked / elapsed };
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { type: 'close' }, 'closed')));
  }

  async terminate(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            w.once('exit', () => resolve());
            w.send({ type: 'exit' } satisfies WorkerCommand, (error) => {
              if (error) w.kill('SIGKILL');
            });
          }),
      ),
    );
  }

  private ask<T extends WorkerReport['type']>(worker: ChildProcess, command: WorkerCommand, answer: T): Promise<Extract<WorkerReport, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a load process exited (${code}) while asked to ${command.type}`));
      const onMessage = (report: WorkerReport) => {
        if (report.type !== answer) return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(report as Extract<WorkerReport, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.send(command);
    });
  }
}
