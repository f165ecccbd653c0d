import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetElectronMock, fakeContents, memoryLogger } from '@deskside/electron-common/testing';
import { menuTemplate } from './menu.js';
import { consolePathsFrom } from './paths.js';
import { ConsoleWindow } from './window.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

const paths = consolePathsFrom('/opt/console/dist/main');
beforeEach(() => resetElectronMock());

describe('ConsoleWindow', () => {
  it.each(['console', 'settings'] as const)('creates the %s window isolated, sandboxed, without Node, with web security', (page) => {
    const window = new ConsoleWindow(paths, memoryLogger());
    if (page === 'console') window.showConsole('https://hub.example.com/');
    else window.showSettings();
    expect(FakeBrowserWindow.instances[0]?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/console/dist/preload/index.js',
    });
  });

  it('reuses its one window and owns only it', () => {
    const window = new ConsoleWindow(paths, memoryLogger());
    window.showSettings();
    window.showConsole('https://hub.example.com/');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const created = FakeBrowserWindow.instances[0];
    expect(created?.loadFile).toHaveBeenCalledWith('/opt/console/dist/renderer/settings.html');
    expect(created?.loadURL).toHaveBeenCalledWith('https://hub.example.com/');
    expect(window.owns(created?.webContents as unknown as Electron.WebContents)).toBe(true);
    expect(window.owns(fakeContents())).toBe(false);
  });

  it('logs a page that fails to load', async () => {
    const logger = memoryLogger();
    FakeBrowserWindow.failNextLoad = new Error('ERR_CONNECTION_REFUSED');
    new ConsoleWindow(paths, logger).showConsole('http://127.0.0.1:4800/');
    await vi.waitFor(() => expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error' })));
  });
});

describe('menu', () => {
  it('offers the hub address and quit', () => {
    const openSettings = vi.fn();
    const [app] = menuTemplate({ openSettings });
    const items = app?.submenu as { label?: string; role?: string; click?: () => void }[];
    expect(items.map((i) => i.label ?? i.role)).toEqual(['Hub address…', undefined, 'quit']);
    items[0]?.click?.();
    expect(openSettings).toHaveBeenCalled();
  });
});
