import { describe, expect, it, vi } from 'vitest';
import { NOTIFY_LIMITS } from '../common/bridge-api.js';
import { IPC_CHANNELS } from '../common/ipc-channels.js';
import { createIpcHandlers, InvalidIpcArguments } from './ipc-handlers.js';

// ipc-handlers imports the notify schema from notifications.ts, which imports electron.
vi.mock('electron', () => import('@deskside/electron-common/testing'));

function handlers() {
  const deps = {
    notify: vi.fn(() => true),
    settings: vi.fn(async () => ({ hubUrl: 'http://127.0.0.1:4800', fromEnvironment: false })),
    saveHubUrl: vi.fn(async () => ({ ok: true as const })),
  };
  return { map: createIpcHandlers(deps), deps };
}

describe('notify arguments', () => {
  it('shows a valid notification', async () => {
    const { map, deps } = handlers();
    await map[IPC_CHANNELS.notify]('New alert', 'Disk C: is 95% full on PC-042');
    expect(deps.notify).toHaveBeenCalledWith('New alert', 'Disk C: is 95% full on PC-042');
  });

  it.each([
    ['no arguments', []],
    ['one argument', ['title']],
    ['three arguments', ['t', 'b', 'extra']],
    ['a blank title', ['   ', 'body']],
    ['a number', [1, 'body']],
    ['an object body', ['title', { html: '<b>x</b>' }]],
    ['a title over the limit', ['t'.repeat(NOTIFY_LIMITS.title + 1), 'body']],
    ['a body over the limit', ['title', 'b'.repeat(NOTIFY_LIMITS.body + 1)]],
  ])('refuses %s', async (_name, args) => {
    const { map, deps } = handlers();
    await expect(async () => map[IPC_CHANNELS.notify](...args)).rejects.toThrow(InvalidIpcArguments);
    expect(deps.notify).not.toHaveBeenCalled();
  });
});

describe('settings arguments', () => {
  it.each([
    ['a number', [4800]],
    ['nothing', []],
    ['a huge string', ['h'.repeat(5000)]],
  ])('saveHubUrl refuses %s', async (_name, args) => {
    const { map, deps } = handlers();
    await expect(async () => map[IPC_CHANNELS.saveHubUrl](...args)).rejects.toThrow(InvalidIpcArguments);
    expect(deps.saveHubUrl).not.toHaveBeenCalled();
  });

  it('getSettings takes no arguments', async () => {
    const { map } = handlers();
    await expect(async () => map[IPC_CHANNELS.getSettings]('x')).rejects.toThrow(InvalidIpcArguments);
    await expect(map[IPC_CHANNELS.getSettings]()).resolves.toEqual({ hubUrl: 'http://127.0.0.1:4800', fromEnvironment: false });
  });
});
