import { describe, expect, it, vi } from 'vitest';
import { CLIPBOARD_MAX_CHARS, type ThisComputerInfo } from '../common/bridge-api.js';
import { IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';
import { createIpcHandlers, InvalidIpcArguments } from './ipc-handlers.js';

const info: ThisComputerInfo = {
  hostname: 'PC-042',
  user: 'alice',
  ipAddresses: ['192.168.1.42'],
  serialNumber: 'SN123',
  os: 'Windows 11 Pro',
  deviceId: null,
  status: 'connected',
};

function handlers() {
  const writeClipboard = vi.fn();
  const map = createIpcHandlers({
    thisComputer: async () => info,
    helpDesk: () => ({ name: 'IT', email: null, phone: '+1 555 0100', url: null }),
    writeClipboard,
  });
  return { map, writeClipboard };
}

describe('IPC argument validation', () => {
  it('copies a bounded string', async () => {
    const { map, writeClipboard } = handlers();
    await map[IPC_INVOKE_CHANNELS.copyToClipboard]('Computer name: PC-042');
    expect(writeClipboard).toHaveBeenCalledWith('Computer name: PC-042');
  });

  it.each([
    ['a number', [42]],
    ['an object', [{ toString: () => 'x' }]],
    ['nothing', []],
    ['two strings', ['a', 'b']],
    ['a string over the limit', ['x'.repeat(CLIPBOARD_MAX_CHARS + 1)]],
    ['null', [null]],
  ])('refuses copyToClipboard(%s) and writes nothing', async (_name, args) => {
    const { map, writeClipboard } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.copyToClipboard](...args)).rejects.toThrow(InvalidIpcArguments);
    expect(writeClipboard).not.toHaveBeenCalled();
  });

  it.each([IPC_INVOKE_CHANNELS.getThisComputer, IPC_INVOKE_CHANNELS.getHelpDesk])('%s takes no arguments', async (channel) => {
    const { map } = handlers();
    await expect(async () => map[channel]('unexpected')).rejects.toThrow(InvalidIpcArguments);
    await expect(Promise.resolve(map[channel]())).resolves.toBeTruthy();
  });

  it('never echoes the refused value in the error', async () => {
    const { map } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.copyToClipboard](12345678)).rejects.toThrow(/^invalid arguments for clipboard:copy$/);
  });
});
