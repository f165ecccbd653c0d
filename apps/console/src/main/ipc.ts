import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNEL_LIST, IPC_CHANNELS, type IpcChannel } from '../common/ipc-channels.js';
import { isOnOrigin, isSettingsPageUrl } from './console-origin.js';
import type { Logger } from './logger.js';

/** Which page may call a channel: the hub's console, or the shell's own settings page. */
export type CallerKind = 'console' | 'settings';

export const CHANNEL_CALLERS: Record<IpcChannel, CallerKind> = {
  [IPC_CHANNELS.notify]: 'console',
  [IPC_CHANNELS.getSettings]: 'settings',
  [IPC_CHANNELS.saveHubUrl]: 'settings',
};

export type IpcHandlers = Record<IpcChannel, (...args: unknown[]) => unknown>;

export interface SenderPolicy {
  rendererDir: string;
  consoleOrigin: () => string | null;
  ownsSender: (contents: WebContents) => boolean;
}

/** Why a sender may not call a channel, or `null` when it may. Exported for table-driven tests. */
export function senderRejection(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  caller: CallerKind,
  policy: SenderPolicy,
): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (frame.parent !== null) return 'sender is a sub-frame';
  const pageOk =
    caller === 'console' ? isOnOrigin(frame.url, policy.consoleOrigin()) : isSettingsPageUrl(frame.url, policy.rendererDir);
  if (!pageOk) return `sender frame is not the ${caller} page`;
  if (!policy.ownsSender(event.sender)) return 'sender is not the console window';
  return null;
}

/** The IPC manager: the fixed channel list only, each answering only the page it is meant for. */
export function setupIpc(options: SenderPolicy & { handlers: IpcHandlers; logger: Logger }): () => void {
  for (const channel of IPC_CHANNEL_LIST) {
    const handler = options.handlers[channel];
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const rejection = senderRejection(event, CHANNEL_CALLERS[channel], options);
      if (rejection) {
        options.logger.warn('IPC call refused', { channel, reason: rejection });
        throw new Error('IPC call refused');
      }
      return handler(...args);
    });
  }
  return () => {
    for (const channel of IPC_CHANNEL_LIST) ipcMain.removeHandler(channel);
  };
}
