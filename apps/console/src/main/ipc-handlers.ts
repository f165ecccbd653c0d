import { InvalidIpcArguments, parseIpcArgs } from '@deskside/electron-common/rules';
import { z } from 'zod';
import type { ConsoleSettingsView, SaveHubUrlResult } from '../common/bridge-api.js';
import { IPC_CHANNELS } from '../common/ipc-channels.js';
import type { IpcHandlers } from './ipc.js';
import { NotifyArgsSchema } from './notifications.js';

export interface HandlerDeps {
  notify: (title: string, body: string) => boolean;
  settings: () => Promise<ConsoleSettingsView>;
  /** Saves and switches to the hub; resolves the refusal message for a bad address. */
  saveHubUrl: (input: string) => Promise<SaveHubUrlResult>;
}

export { InvalidIpcArguments };

/** Every channel's handler; arguments are parsed here, in main, whatever the preload promised. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const c = IPC_CHANNELS;
  return {
    [c.notify]: (...args: unknown[]) => {
      const [title, body] = parseIpcArgs(c.notify, NotifyArgsSchema, args);
      deps.notify(title, body);
    },
    [c.getSettings]: (...args: unknown[]) => {
      parseIpcArgs(c.getSettings, z.tuple([]), args);
      return deps.settings();
    },
    [c.saveHubUrl]: (...args: unknown[]) => {
      const [hubUrl] = parseIpcArgs(c.saveHubUrl, z.tuple([z.string().max(2048)]), args);
      return deps.saveHubUrl(hubUrl);
    },
  };
}
