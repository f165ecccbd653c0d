/**
 * The technician console's Electron shell: one window on the hub's console (served by the hub),
 * desktop notifications for it, and a local page to choose the hub. Entry files only wire.
 */
import { startSingleInstance } from '@deskside/electron-common';
import { app } from 'electron';
import type { SaveHubUrlResult } from '../common/bridge-api.js';
import { createIpcHandlers } from './ipc-handlers.js';
import { setupIpc } from './ipc.js';
import { createLogger } from './logger.js';
import { setupMenu } from './menu.js';
import { createNotifier } from './notifications.js';
import { consolePaths } from './paths.js';
import { setupSecurity } from './security.js';
import { ConsoleSettings, type ResolvedSettings } from './settings.js';
import { ConsoleWindow } from './window.js';

const logger = createLogger();
const paths = consolePaths();
const consoleWindow = new ConsoleWindow(paths, logger);
/** The hub's origin: the only place the window may navigate to, and the only caller of `notify`. */
let consoleOrigin: string | null = null;

/** Starts the shell, or hands over to the instance already running. */
export function main(): void {
  startSingleInstance({
    onSecondInstance: () => consoleWindow.focus(),
    keepRunningWithoutWindows: false,
    onReady,
    logger,
  });
}

/** Wires every feature, in order, then shows the console (or, on first run, the settings page). */
export async function onReady(): Promise<void> {
  const settings = new ConsoleSettings(app.getPath('userData'), process.env);
  const resolve = async (): Promise<ResolvedSettings> => {
    try {
      return await settings.resolve();
    } catch (error) {
      logger.error('console settings are invalid', { error });
      return { hubUrl: 'http://127.0.0.1:4800', fromEnvironment: false, firstRun: true };
    }
  };
  setupSecurity({ rendererDir: paths.rendererDir, consoleOrigin: () => consoleOrigin, logger });
  setupIpc({
    rendererDir: paths.rendererDir,
    consoleOrigin: () => consoleOrigin,
    ownsSender: (contents) => consoleWindow.owns(contents),
    logger,
    handlers: createIpcHandlers({
      notify: createNotifier({ now: Date.now }),
      settings: async () => {
        const { hubUrl, fromEnvironment } = await resolve();
        return { hubUrl, fromEnvironment };
      },
      saveHubUrl: async (input): Promise<SaveHubUrlResult> => {
        const saved = await settings.save(input);
        if (!saved.ok) return saved;
        openConsole(saved.hubUrl);
        return { ok: true };
      },
    }),
  });
  setupMenu({ openSettings: () => consoleWindow.showSettings() });
  const initial = await resolve();
  if (initial.firstRun) consoleWindow.showSettings();
  else openConsole(initial.hubUrl);
}

function openConsole(hubOrigin: string): void {
  consoleOrigin = hubOrigin;
  logger.info('opening the console', { hub: hubOrigin });
  consoleWindow.showConsole(`${hubOrigin}/`);
}

main();
