import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

/** The security settings of every window, written out rather than left to Electron's defaults. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export interface SecureWindowOptions {
  /** The preload script (the only bridge between page and main). */
  preload: string;
  /** Title, size, chrome: everything but the web preferences. */
  window: Omit<BrowserWindowConstructorOptions, 'webPreferences' | 'show'>;
  /** Preferences that have nothing to do with isolation; they cannot loosen it. */
  extraPreferences?: Pick<WebPreferences, 'spellcheck'>;
}

/** The single window factory: hidden until painted, with `SECURE_WEB_PREFERENCES` applied last. */
export function createSecureWindow({ preload, window: look, extraPreferences }: SecureWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...look,
    show: false,
    webPreferences: { preload, ...extraPreferences, ...SECURE_WEB_PREFERENCES },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
