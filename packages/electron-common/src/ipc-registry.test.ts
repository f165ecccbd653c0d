import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from './ipc-registry.js';
import { fakeContents, invokeEvent, ipcMain, memoryLogger, resetElectronMock } from './testing/index.js';

vi.mock('electron', () => import('./testing/index.js'));

const CHANNELS = ['a:get', 'b:set'] as const;
const GOOD = 'file:///app/main.html';

beforeEach(() => resetElectronMock());

function setup() {
  const logger = memoryLogger();
  const calls: unknown[][] = [];
  const handlers = {
    'a:get': (...args: unknown[]) => {
      calls.push(args);
      return 'answer';
    },
    'b:set': () => undefined,
  };
  const rejection = vi.fn((event: IpcMainInvokeEvent, channel: string) =>
    event.senderFrame?.url === GOOD && channel !== 'b:set' ? null : 'sender frame is not the page',
  );
  const dispose = registerIpcHandlers({ channels: CHANNELS, handlers, rejection, logger });
  const handle = (channel: string) => {
    const listener = ipcMain.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener;
  };
  return { logger, calls, rejection, dispose, handle };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the fixed channel list', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('runs the handler, with the call arguments, for an accepted sender', async () => {
    const { handle, calls, rejection } = setup();
    const event = invokeEvent(fakeContents(), { url: GOOD });
    await expect(handle('a:get')(event, 1, 'x')).resolves.toBe('answer');
    expect(calls).toEqual([[1, 'x']]);
    expect(rejection).toHaveBeenCalledWith(event, 'a:get');
  });

  it('refuses per channel, without running the handler, and logs the reason but not the arguments', async () => {
    const { handle, calls, logger } = setup();
    await expect(handle('a:get')(invokeEvent(fakeContents(), { url: 'https://evil.example/' }), 'secret-arg')).rejects.toThrow(
      'IPC call refused',
    );
    await expect(handle('b:set')(invokeEvent(fakeContents(), { url: GOOD }))).rejects.toThrow('IPC call refused');
    expect(calls).toEqual([]);
    expect(logger.entries).toEqual([
      { level: 'warn', msg: 'IPC call refused', fields: { channel: 'a:get', reason: 'sender frame is not the page' } },
      { level: 'warn', msg: 'IPC call refused', fields: { channel: 'b:set', reason: 'sender frame is not the page' } },
    ]);
    expect(JSON.stringify(logger.entries)).not.toContain('secret-arg');
  });

  it('removes its handlers when disposed', () => {
    const { dispose } = setup();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
