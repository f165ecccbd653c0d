/**
 * The fixed list of IPC channels of the console shell. The preload inlines the same values (a
 * sandboxed preload cannot require a sibling file) and is type-checked against them.
 */
export const IPC_CHANNELS = {
  /** From the hub's console pages: show a desktop notification. */
  notify: 'console:notify',
  /** From the local settings page only. */
  getSettings: 'settings:get',
  saveHubUrl: 'settings:save-hub-url',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

export const IPC_CHANNEL_LIST: readonly IpcChannel[] = Object.values(IPC_CHANNELS);
