import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ShellLogger } from './logger.js';

/** One handler per channel; arguments arrive as `unknown` and are parsed by the handler. */
export type IpcHandlerMap<C extends string> = Record<C, (...args: unknown[]) => unknown>;

export interface IpcRegistration<C extends string> {
  /** The fixed channel list: `ipcMain` learns these and nothing else. */
  channels: readonly C[];
  handlers: IpcHandlerMap<C>;
  /** Why `event`'s sender may not call `channel`, or `null` when it may (see `ipcSenderRejection`). */
  rejection: (event: IpcMainInvokeEvent, channel: C) => string | null;
  logger: Pick<ShellLogger, 'warn'>;
}

/**
 * The IPC manager: `ipcMain.handle` for the fixed channel list only, running a handler only for a
 * sender `rejection` accepts. Refusals throw (the renderer's `invoke` rejects) and are logged
 * without their arguments. Returns a function that removes the handlers.
 */
export function registerIpcHandlers<C extends string>({ channels, handlers, rejection, logger }: IpcRegistration<C>): () => void {
  for (const channel of channels) {
    const handler = handlers[channel];
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const reason = rejection(event, channel);
      if (reason) {
        logger.warn('IPC call refused', { channel, reason });
        throw new Error('IPC call refused');
      }
      return handler(...args);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
