import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_LIST, IPC_CHANNELS } from '../common/ipc-channels.js';
import { ipcMain, resetElectronMock, fakeContents, invokeEvent, memoryLogger } from '@deskside/electron-common/testing';
import { senderRejection, setupIpc, type CallerKind, type IpcHandlers } from './ipc.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

const RENDERER = '/opt/console/dist/renderer';
const SETTINGS = pathToFileURL(`${RENDERER}/settings.html`).href;
const HUB = 'https://hub.example.com';

beforeEach(() => resetElectronMock());

describe('senderRejection', () => {
  const ours = fakeContents();
  const policy = { rendererDir: RENDERER, consoleOrigin: () => HUB, ownsSender: (c: WebContents) => c.id === ours.id };

  it.each<[string, CallerKind, WebContents, { url: string; parent?: unknown } | null, string | null]>([
    ['hub page calling notify', 'console', ours, { url: `${HUB}/alerts` }, null],
    ['settings page calling settings', 'settings', ours, { url: SETTINGS }, null],
    ['settings page calling notify', 'console', ours, { url: SETTINGS }, 'sender frame is not the console page'],
    ['hub page calling settings', 'settings', ours, { url: `${HUB}/` }, 'sender frame is not the settings page'],
    ['foreign site calling notify', 'console', ours, { url: 'https://evil.example/' }, 'sender frame is not the console page'],
    ['hub on another port', 'console', ours, { url: 'https://hub.example.com:8443/' }, 'sender frame is not the console page'],
    ['devtools', 'console', ours, { url: 'devtools://devtools/bundled/devtools_app.html' }, 'sender frame is not the console page'],
    ['an iframe inside the hub page', 'console', ours, { url: `${HUB}/`, parent: {} }, 'sender is a sub-frame'],
    ['a frame that is gone', 'console', ours, null, 'sender frame is gone'],
    ['another web contents on the hub', 'console', fakeContents(), { url: `${HUB}/` }, 'sender is not the console window'],
  ])('%s', (_name, caller, contents, frame, expected) => {
    expect(senderRejection(invokeEvent(contents, frame), caller, policy)).toBe(expected);
  });
});

describe('setupIpc', () => {
  it('registers the fixed list and runs a handler only for its page', async () => {
    const ours = fakeContents();
    const notify = vi.fn();
    const handlers: IpcHandlers = {
      [IPC_CHANNELS.notify]: notify,
      [IPC_CHANNELS.getSettings]: () => ({ hubUrl: HUB, fromEnvironment: false }),
      [IPC_CHANNELS.saveHubUrl]: () => ({ ok: true }),
    };
    const logger = memoryLogger();
    setupIpc({ rendererDir: RENDERER, consoleOrigin: () => HUB, ownsSender: (c) => c.id === ours.id, handlers, logger });
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNEL_LIST].sort());
    const handle = ipcMain.handlers.get(IPC_CHANNELS.notify);
    await handle?.(invokeEvent(ours, { url: `${HUB}/` }), 'Disk full', 'PC-042');
    expect(notify).toHaveBeenCalledWith('Disk full', 'PC-042');
    await expect(handle?.(invokeEvent(ours, { url: SETTINGS }), 'x', 'y')).rejects.toThrow('IPC call refused');
    expect(notify).toHaveBeenCalledTimes(1);
    expect(logger.entries).toContainEqual(expect.objectContaining({ msg: 'IPC call refused' }));
  });
});
