import { registerIpcHandlers, type IpcHandlerMap } from '@deskside/electron-common';
import { ipcSenderRejection } from '@deskside/electron-common/rules';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
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

export type IpcHandlers = IpcHandlerMap<IpcChannel>;

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
  return ipcSenderRejection(event, {
    isAllowedPage: (url) =>
      caller === 'console' ? isOnOrigin(url, policy.consoleOrigin()) : isSettingsPageUrl(url, policy.rendererDir),
    ownsSender: policy.ownsSender,
    names: { page: `the ${caller} page`, window: 'the console window' },
  });
}

/** The IPC manager: the fixed channel list only, each answering only the page it is meant for. */
export function setupIpc(options: SenderPolicy & { handlers: IpcHandlers; logger: Logger }): () => void {
  return registerIpcHandlers({
    channels: IPC_CHANNEL_LIST,
    handlers: options.handlers,
    rejection: (event, channel) => senderRejection(event, CHANNEL_CALLERS[channel], options),
    logger: options.logger,
  });
}
