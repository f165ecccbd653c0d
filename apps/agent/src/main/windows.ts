import path from 'node:path';
import { createSecureWindow } from '@deskside/electron-common';
import type { BrowserWindow, WebContents } from 'electron';
import type { AppPage } from './app-origin.js';
import type { AppPaths } from './app-paths.js';
import type { Logger } from './logger.js';

/** The tray's windows. Each kind has one page and at most one open window. */
export type WindowKind = 'get-help' | 'this-computer' | 'my-tickets' | 'check-connection' | 'fix-consent' | 'help-articles';

const WINDOW_SPECS: Record<WindowKind, { page: AppPage; title: string; width: number; height: number }> = {
  'get-help': { page: 'get-help.html', title: 'Get help', width: 560, height: 640 },
  'this-computer': { page: 'this-computer.html', title: 'This computer', width: 480, height: 520 },
  'my-tickets': { page: 'my-tickets.html', title: 'My tickets', width: 720, height: 620 },
  'check-connection': { page: 'check-connection.html', title: 'Check my connection', width: 520, height: 560 },
  'fix-consent': { page: 'fix-consent.html', title: 'Your help desk asks', width: 440, height: 560 },
  'help-articles': { page: 'help-articles.html', title: 'Help articles', width: 560, height: 640 },
};

/** Opens and tracks the app's windows, so the IPC manager can tell our senders from any other. */
export class WindowManager {
  private readonly open = new Map<WindowKind, BrowserWindow>();

  constructor(
    private readonly paths: AppPaths,
    private readonly logger: Logger,
  ) {}

  /** True when a window of `kind` is open. */
  isOpen(kind: WindowKind): boolean {
    const window = this.open.get(kind);
    return Boolean(window && !window.isDestroyed());
  }

  /** The web contents of the open window of `kind`, if any. */
  contentsOf(kind: WindowKind): WebContents | null {
    const window = this.open.get(kind);
    return window && !window.isDestroyed() ? window.webContents : null;
  }

  /** Shows the window of `kind`, creating it if needed; `query` goes on a new window's page URL. */
  show(kind: WindowKind, query?: Record<string, string>): BrowserWindow {
    const existing = this.open.get(kind);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const window = openAppWindow(kind, this.paths, this.logger, query);
    this.open.set(kind, window);
    window.on('closed', () => this.open.delete(kind));
    return window;
  }

  /** True when `contents` belongs to a window this manager created and still holds. */
  owns(contents: WebContents): boolean {
    for (const window of this.open.values()) {
      if (!window.isDestroyed() && window.webContents.id === contents.id) return true;
    }
    return false;
  }

  /** Every live window's web contents (for status pushes). */
  allContents(): WebContents[] {
    return [...this.open.values()].filter((w) => !w.isDestroyed()).map((w) => w.webContents);
  }
}

/** Opens the page of `kind` in a new secure window (see `createSecureWindow` for the settings). */
function openAppWindow(kind: WindowKind, paths: AppPaths, logger: Logger, query?: Record<string, string>): BrowserWindow {
  const spec = WINDOW_SPECS[kind];
  const window = createSecureWindow({
    preload: paths.preload,
    window: { title: spec.title, width: spec.width, height: spec.height, autoHideMenuBar: true },
    extraPreferences: { spellcheck: false },
  });
  const file = path.join(paths.rendererDir, spec.page);
  (query ? window.loadFile(file, { query }) : window.loadFile(file)).catch((error: unknown) => {
    logger.error('could not load app page', { page: spec.page, error });
  });
  return window;
}
