/**
 * The `electron` module, faked for unit tests (no Electron binary exists on the build machines).
 * One mock for every shell: each test file mocks it the same way,
 *   vi.mock('electron', () => import('@deskside/electron-common/testing'));
 * and calls `resetElectronMock()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  readonly send = vi.fn();
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A page load that fails once when `FakeBrowserWindow.failNextLoad` is set. */
const fakeLoad = () =>
  vi.fn(async (_target: string, _options?: unknown) => {
    const error = FakeBrowserWindow.failNextLoad;
    FakeBrowserWindow.failNextLoad = null;
    if (error) throw error;
  });

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** When set, the next window's `loadFile` or `loadURL` rejects with it. */
  static failNextLoad: Error | null = null;
  readonly webContents = new FakeWebContents();
  readonly loadFile = fakeLoad();
  readonly loadURL = fakeLoad();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Simulates the user closing the window. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray {
  static instances: FakeTray[] = [];
  readonly setContextMenu = vi.fn();
  readonly setImage = vi.fn();
  readonly setToolTip = vi.fn();
  constructor(readonly image: unknown) {
    FakeTray.instances.push(this);
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  readonly show = vi.fn();
  constructor(readonly options: { title?: string; body?: string; silent?: boolean }) {
    super();
    FakeNotification.instances.push(this);
  }
}

type Listener = (...args: unknown[]) => unknown;

function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
}

export const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
  whenReady: vi.fn(() => new Promise<void>(() => {})),
  getPath: vi.fn((name: string) => `/nonexistent/deskside-test/${name}`),
  getPreferredSystemLanguages: vi.fn((): string[] => ['en-US']),
  setLoginItemSettings: vi.fn(),
  isPackaged: false,
});

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, listener: Listener) => {
    ipcMain.handlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const shell = { openExternal: vi.fn(async (_url: string) => {}) };
export const clipboard = { writeText: vi.fn() };
export const desktopCapturer = { getSources: vi.fn(async (_options: unknown): Promise<unknown[]> => []) };
export const Notification = FakeNotification;
export const session = { defaultSession: fakeSession() };
export const powerMonitor = new EventEmitter();
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
  setApplicationMenu: vi.fn(),
};
export const nativeImage = { createFromPath: vi.fn((file: string) => ({ file })) };
export const Tray = FakeTray;
export const BrowserWindow = FakeBrowserWindow;
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((text: string) => Buffer.from(`sealed:${text}`)),
  decryptString: vi.fn((data: Buffer) => data.toString().replace(/^sealed:/, '')),
};

/** Back to a fresh app: no windows, no handlers, no listeners, default answers. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.failNextLoad = null;
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  desktopCapturer.getSources.mockImplementation(async () => []);
  ipcMain.handlers.clear();
  app.removeAllListeners();
  powerMonitor.removeAllListeners();
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  app.whenReady.mockImplementation(() => new Promise<void>(() => {}));
  session.defaultSession = fakeSession();
  safeStorage.isEncryptionAvailable.mockImplementation(() => true);
  safeStorage.getSelectedStorageBackend.mockImplementation(() => 'gnome_libsecret');
}

export default {
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  clipboard,
  desktopCapturer,
  Notification,
  session,
  powerMonitor,
  Menu,
  nativeImage,
  Tray,
  BrowserWindow,
  safeStorage,
};
