import type { Clock, TimerHandle } from '../util/clock.js';

/** The runtime's repeating cycles. */
export type Cycle = 'heartbeat' | 'inventory';

/**
 * One pending timer per cycle on the injected clock: arming a cycle replaces its pending timer,
 * so a policy change or a resume never leaves two heartbeats running.
 */
export class CycleTimers {
  private readonly pending = new Map<Cycle, TimerHandle>();

  constructor(private readonly clock: Clock) {}

  arm(cycle: Cycle, ms: number, fn: () => void): void {
    this.clear(cycle);
    this.pending.set(cycle, this.clock.setTimeout(fn, ms));
  }

  clear(cycle: Cycle): void {
    const handle = this.pending.get(cycle);
    if (handle) this.clock.clearTimeout(handle);
    this.pending.delete(cycle);
  }

  clearAll(): void {
    for (const cycle of [...this.pending.keys()]) this.clear(cycle);
  }
}
