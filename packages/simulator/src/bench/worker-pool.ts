import { Worker } from 'node:worker_threads';
import type { AgentCredential, WorkerCommand, WorkerReport } from './messages.js';

/** The load workers, addressed together: every command goes to all, and waits for all reports. */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(count: number) {
    const file = new URL('./load-worker.js', import.meta.url);
    this.workers = Array.from({ length: count }, () => new Worker(file));
  }

  async connect(url: string, namespace: string, agents: AgentCredential[]) {
    const shares = this.workers.map((_, i) => agents.filter((_a, j) => j % this.workers.length === i));
    const reports = await Promise.all(
      this.workers.map((w, i) => this.ask(w, { type: 'connect', url, namespace, agents: shares[i] ?? [] }, 'connected')),
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
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private ask<T extends WorkerReport['type']>(worker: Worker, command: WorkerCommand, answer: T): Promise<Extract<WorkerReport, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (report: WorkerReport) => {
        if (report.type !== answer) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(report as Extract<WorkerReport, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage(command);
    });
  }
}
