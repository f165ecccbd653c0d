/**
 * The tray's main process. Entry files only wire: each feature has its own `setupX()`, called in
 * order once the app is ready.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createJsonLogger } from '@deskside/agent-core';
import { startSingleInstance } from '@deskside/electron-common';
import { app, clipboard, desktopCapturer, Notification, safeStorage } from 'electron';
import type { AppearanceView } from '../common/bridge-api.js';
import { IPC_EVENT_CHANNELS } from '../common/ipc-channels.js';
import { loadAgentConfig, type AgentConfig } from './agent-config.js';
import { AgentHost } from './agent-host.js';
import { createAgentRuntime, readComputerFacts } from './agent-runtime.js';
import { appPaths } from './app-paths.js';
import { Appearance } from './appearance.js';
import { setupAutoStart, xdgConfigHome } from './auto-start.js';
import { setupIpc, setupStatusPush } from './ipc.js';
import { createIpcHandlers } from './ipc-handlers.js';
import { chooseKeyProtection } from './key-protection.js';
import { setupPower } from './power.js';
import { captureScreenshot, type GetScreenSources } from './screenshot.js';
import { setupSecurity } from './security.js';
import { createThisComputer } from './this-computer.js';
import { createKbFeature } from './kb-feature.js';
import { createTicketFeature } from './tickets-feature.js';
import { createFixFeature } from './fixes-feature.js';
import { setupTray, type TrayWords } from './tray.js';
import { WindowManager } from './windows.js';

const logger = createJsonLogger();
const paths = appPaths();
const windows = new WindowManager(paths, logger);
let host: AgentHost | null = null;

/** Starts the tray, or hands over to the instance already running. */
export function main(): void {
  const started = startSingleInstance({
    // A second launch (start menu, autostart twice) shows the first instance's window instead.
    onSecondInstance: () => windows.show('this-computer'),
    // A tray app lives on with no window open.
    keepRunningWithoutWindows: true,
    onReady,
    logger,
  });
  if (started) app.on('before-quit', onBeforeQuit);
}

/** Wires every feature, in order. */
export async function onReady(): Promise<void> {
  setupSecurity({ rendererDir: paths.rendererDir, logger });
  const config = await readConfig();
  const agent = new AgentHost({
    config,
    stateDir: app.getPath('userData'),
    keyProtection: chooseKeyProtection(safeStorage, process.platform, logger),
    createRuntime: createAgentRuntime,
    logger,
  });
  host = agent;
  const appearance = new Appearance({
    file: path.join(app.getPath('userData'), 'preferences.json'),
    systemLanguages: () => app.getPreferredSystemLanguages(),
    site: () => agent.siteLook(),
    logger,
  });
  agent.onSiteLook(() => appearance.changed());
  appearance.onChange((view) => {
    for (const contents of windows.allContents()) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNELS.appearance, view);
  });
  const thisComputer = createThisComputer({
    hostname: () => os.hostname(),
    username: () => os.userInfo().username,
    networkInterfaces: () => os.networkInterfaces(),
    facts: readComputerFacts,
    fallbackOs: () => `${os.type()} ${os.release()}`,
    deviceId: () => agent.deviceId(),
    status: () => agent.status(),
  });
  const tickets = createTicketFeature({
    tickets: () => agent.tickets(),
    status: () => agent.status(),
    onTicketChange: (listener) => agent.onTicketChange(listener),
    hubUrl: config.hubUrl,
    capture: () => captureScreenshot((options) => desktopCapturer.getSources(options) as ReturnType<GetScreenSources>),
    notify: (notice, onClick) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', onClick);
      notification.show();
    },
    windows,
    language: () => appearance.language(),
    logger,
  });
  const fixes = createFixFeature({
    fixes: () => agent.fixes(),
    onPendingFixes: (listener) => agent.onPendingFixes(listener),
    windows,
    notify: (notice, onClick) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', onClick);
      notification.show();
    },
    language: () => appearance.language(),
    logger,
  });
  const articles = createKbFeature({ kb: () => agent.kb(), windows });
  setupIpc({
    handlers: createIpcHandlers({
      thisComputer,
      helpDesk: () => config.helpDesk,
      writeClipboard: (text) => clipboard.writeText(text),
      appearance: () => appearance.view(),
      setLanguage: (language) => appearance.setLanguage(language),
      ...tickets.handlers,
      ...fixes.handlers,
      ...articles.handlers,
    }),
    rendererDir: paths.rendererDir,
    ownsSender: (contents) => windows.owns(contents),
    logger,
  });
  setupStatusPush({ onStatus: (listener) => agent.onStatus(listener), targets: () => windows.allContents() });
  tickets.setup();
  fixes.setup();
  setupAgent(agent);
  setupPower(agent, logger);
  setupTray({
    assetsDir: paths.assetsDir,
    actions: {
      openGetHelp: () => void tickets.openGetHelp().catch((error: unknown) => logger.error('Get help did not open', { error })),
      openMyTickets: () => tickets.openMyTickets(),
      openThisComputer: () => windows.show('this-computer'),
      openCheckConnection: () => tickets.openCheckConnection(),
      openHelpArticles: () => articles.openHelpArticles(),
      quit: () => app.quit(),
    },
    policy: { hideQuit: config.hideQuit },
    onStatus: (listener) => agent.onStatus(listener),
    onHelpRequested: (listener) => agent.onHelpRequested(listener),
    initialStatus: agent.status(),
    words: trayWords(await appearance.view()),
    onWords: (listener) => appearance.onChange((view) => listener(trayWords(view))),
  });
  await setupAutoStart({
    platform: process.platform,
    xdgConfigHome: xdgConfigHome(process.env, os.homedir()),
    execPath: process.env['APPIMAGE'] ?? process.execPath,
    logger,
  });
}

function trayWords(view: AppearanceView): TrayWords {
  return { language: view.language, branding: view.branding };
}

function setupAgent(agent: AgentHost): void {
  agent.start().catch((error: unknown) => logger.error('agent did not start', { error }));
}

async function readConfig(): Promise<AgentConfig> {
  try {
    return await loadAgentConfig({
      exeDir: path.dirname(app.getPath('exe')),
      userDataDir: app.getPath('userData'),
      env: process.env,
      readText: readTextIfExists,
    });
  } catch (error) {
    // A broken config file leaves the agent idle (and says why), rather than the tray absent.
    logger.error('agent configuration is invalid', { error });
    return { hubUrl: null, enrollToken: null, hubFingerprint: null, helpDesk: null, hideQuit: false, source: null };
  }
}

async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** How long quitting waits for the agent to say goodbye to the hub. */
const STOP_GRACE_MS = 3000;

let stopped = false;
function onBeforeQuit(event: Electron.Event): void {
  if (stopped || !host) return;
  // Let the agent tell the hub it is going away before the process ends, but never hang the quit.
  event.preventDefault();
  stopped = true;
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, STOP_GRACE_MS);
  });
  Promise.race([host.stop('quit'), grace])
    .catch((error: unknown) => logger.warn('agent did not stop cleanly', { error }))
    .finally(() => {
      clearTimeout(timer);
      app.quit();
    });
}

main();
