import path from 'node:path';
import { createSecureWindow } from '@deskside/electron-common';
import type { BrowserWindow, WebContents } from 'electron';
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
      this.window = createSecureWindow({
        preload: this.paths.preload,
        window: { title: 'Deskside Console', width: 1280, height: 820 },
      });
      this.window.on('closed', () => (this.window = null));
    }
    loader(this.window).catch((error: unknown) => this.logger.error('could not load page', { error }));
  }
}
