import { app } from 'electron';
import type { ShellLogger } from './logger.js';

export interface SingleInstanceOptions {
  /** Another launch of the app (start menu, autostart twice): show this instance instead. */
  onSecondInstance: () => void;
  /** True for a tray app, which lives on with no window open; false quits with the last window. */
  keepRunningWithoutWindows: boolean;
  /** Wires every feature once Electron is ready; a failure ends the app with exit code 1. */
  onReady: () => Promise<void>;
  logger: Pick<ShellLogger, 'error'>;
}

/**
 * Starts the app as the only instance, or hands over to the one already running: then it asks
 * the app to quit, wires nothing and returns false.
 */
export function startSingleInstance(options: SingleInstanceOptions): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => options.onSecondInstance());
  // Electron quits after the last window closes unless something listens for this event.
  app.on('window-all-closed', options.keepRunningWithoutWindows ? () => {} : () => app.quit());
  app
    .whenReady()
    .then(() => options.onReady())
    .catch((error: unknown) => {
      options.logger.error('start-up failed', { error });
      app.exit(1);
    });
  return true;
}
