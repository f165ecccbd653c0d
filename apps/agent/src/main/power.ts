import { powerMonitor } from 'electron';
import type { Logger } from './logger.js';

/** What power events drive: agent-core's runtime, through the host. */
export interface PowerAware {
  notifySuspend(): void;
  notifyResume(): void;
  stop(reason: string): Promise<void>;
}

/**
 * Tells the agent when the PC sleeps, wakes or shuts down, so the hub records "asleep" or
 * "shut down" instead of an unexplained disconnect. Call after the app is ready.
 */
export function setupPower(agent: PowerAware, logger: Logger): void {
  powerMonitor.on('suspend', () => agent.notifySuspend());
  powerMonitor.on('resume', () => agent.notifyResume());
  powerMonitor.on('shutdown', () => {
    agent.stop('shutdown').catch((error: unknown) => logger.warn('agent did not stop cleanly at shutdown', { error }));
  });
}
