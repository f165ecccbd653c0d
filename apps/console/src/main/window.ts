import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { SETTINGS_PAGE } from './console-origin.js';
import type { Logger } from './logger.js';

export interface ConsolePaths {
  rendererDir: string;
  preload: string;
}

/** The console's one window: the hub's console, or the local settings page. */
export class ConsoleWindow {
  private window: BrowserWindow | null = null;

  constructor(
    private readonly paths: ConsolePaths,
    private readonly logger: Logger,
  ) {}

  /** Shows the hub's console at `url`. */
  showConsole(url: string): void {
    this.load((w) => w.loadURL(url));
  }

  /** Shows the shell's settings page ("which hub?"). */
  showSettings(): void {
    this.load((w) => w.loadFile(path.join(this.paths.rendererDir, SETTINGS_PAGE)));
  }

  /** Brings the window forward (second launch). */
  focus(): void {
    if (!this.window || this.window.isDestroyed()) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  /** True when `contents` is this window's. */
  owns(contents: WebContents): boolean {
    return this.window !== null && !this.window.isDestroyed() && this.window.webContents.id === contents.id;
  }

  private load(loader: (window: BrowserWindow) => Promise<void>): void {
    if (!this.window || this.window.isDestroyed()) {
      this.window = createSecureWindow(this.paths);
      this.window.on('closed', () => (this.window = null));
    }
    loader(this.window).catch((error: unknown) => this.logger.error('could not load page', { error }));
  }
}

/** The single window factory: the security settings are written out, never defaulted. */
export function createSecureWindow(paths: ConsolePaths): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Deskside Console',
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      preload: paths.preload,
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
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
