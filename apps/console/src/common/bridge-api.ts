/**
 * What pages in the console shell see as `window.desksideConsole`. The preload object `satisfies`
 * this type. Main decides per call which page may use it: `notify` answers only the hub's console
 * pages, the settings calls only the shell's own settings page.
 */

/** Longest notification title and body accepted (longer ones are refused, not cut). */
export const NOTIFY_LIMITS = { title: 128, body: 1024 } as const;

export const DEFAULT_HUB_URL = 'http://127.0.0.1:4800';

export interface ConsoleSettingsView {
  /** The hub the console loads, or the default suggestion on first run. */
  hubUrl: string;
  /** True when `DESKSIDE_CONSOLE_URL` decides and the saved value is not used. */
  fromEnvironment: boolean;
}

export type SaveHubUrlResult = { ok: true } | { ok: false; message: string };

export interface DesksideConsoleBridge {
  notify(title: string, body: string): Promise<void>;
  getSettings(): Promise<ConsoleSettingsView>;
  saveHubUrl(hubUrl: string): Promise<SaveHubUrlResult>;
}
