import { z } from 'zod';
import { CLIPBOARD_MAX_CHARS, type HelpDeskContact, type ThisComputerInfo } from '../common/bridge-api.js';
import { IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';
import type { IpcHandlers } from './ipc.js';

/** Argument lists, parsed in main: the renderer is a trust boundary like any network peer. */
export const IPC_ARGUMENT_SCHEMAS = {
  [IPC_INVOKE_CHANNELS.getThisComputer]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.getHelpDesk]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.copyToClipboard]: z.tuple([z.string().max(CLIPBOARD_MAX_CHARS)]),
} as const;

export interface HandlerDeps {
  thisComputer: () => Promise<ThisComputerInfo>;
  helpDesk: () => HelpDeskContact | null;
  writeClipboard: (text: string) => void;
}

/** Thrown for arguments that fail their schema; the message names no value. */
export class InvalidIpcArguments extends Error {
  constructor(channel: string) {
    super(`invalid arguments for ${channel}`);
    this.name = 'InvalidIpcArguments';
  }
}

function parseArgs<S extends z.ZodType>(channel: string, schema: S, args: unknown[]): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new InvalidIpcArguments(channel);
  return parsed.data;
}

/** The tray's handler map, one entry per channel of the fixed list. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const c = IPC_INVOKE_CHANNELS;
  return {
    [c.getThisComputer]: async (...args: unknown[]) => {
      parseArgs(c.getThisComputer, IPC_ARGUMENT_SCHEMAS[c.getThisComputer], args);
      return deps.thisComputer();
    },
    [c.getHelpDesk]: (...args: unknown[]) => {
      parseArgs(c.getHelpDesk, IPC_ARGUMENT_SCHEMAS[c.getHelpDesk], args);
      return deps.helpDesk();
    },
    [c.copyToClipboard]: (...args: unknown[]) => {
      const [text] = parseArgs(c.copyToClipboard, IPC_ARGUMENT_SCHEMAS[c.copyToClipboard], args);
      deps.writeClipboard(text);
    },
  };
}
