import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { AgentConnectionStatus } from '../common/bridge-api.js';

/** The three looks of the tray icon. */
export type TrayLook = 'connected' | 'offline' | 'help-requested';

export interface TrayState {
  status: AgentConnectionStatus;
  /** An employee's ticket is open and waiting (set by the Get-help flow). */
  helpRequested: boolean;
}

export interface TrayActions {
  openGetHelp(): void;
  openMyTickets(): void;
  openThisComputer(): void;
  openCheckConnection(): void;
  quit(): void;
}

/** What the administrator's policy changes in the menu. */
export interface TrayMenuPolicy {
  /** Hide "Quit" so employees keep the agent running (default: shown). */
  hideQuit?: boolean;
}

/** The context menu, as data (tested without Electron). */
export function trayMenuTemplate(actions: TrayActions, policy: TrayMenuPolicy = {}): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [
    { id: 'get-help', label: 'Get help…', click: () => actions.openGetHelp() },
    { id: 'my-tickets', label: 'My tickets', click: () => actions.openMyTickets() },
    { id: 'this-computer', label: 'This computer', click: () => actions.openThisComputer() },
    { id: 'check-connection', label: 'Check my connection', click: () => actions.openCheckConnection() },
  ];
  if (!policy.hideQuit) items.push({ type: 'separator' }, { id: 'quit', label: 'Quit', click: () => actions.quit() });
  return items;
}

const STATUS_TEXT: Record<AgentConnectionStatus, string> = {
  starting: 'starting…',
  'not-configured': 'not set up (no help desk address)',
  connected: 'connected to your help desk',
  offline: 'offline — will reconnect',
  error: 'not working — please tell your IT contact',
};

/** Icon and tooltip for a state. */
export function trayAppearance(state: TrayState): { look: TrayLook; tooltip: string } {
  const look: TrayLook = state.helpRequested ? 'help-requested' : state.status === 'connected' ? 'connected' : 'offline';
  const help = state.helpRequested ? ' · help requested' : '';
  return { look, tooltip: `Deskside Agent: ${STATUS_TEXT[state.status]}${help}` };
}

/** The icon file of a look (`@2x` variants next to it are picked up by Electron on HiDPI). */
export const trayIconPath = (assetsDir: string, look: TrayLook): string => path.join(assetsDir, `tray-${look}.png`);

/** The tray icon: created once, updated on every state change. */
export class AgentTray {
  private readonly tray: Tray;
  private state: TrayState = { status: 'starting', helpRequested: false };

  constructor(
    private readonly assetsDir: string,
    actions: TrayActions,
    policy: TrayMenuPolicy = {},
  ) {
    this.tray = new Tray(nativeImage.createFromPath(trayIconPath(assetsDir, 'offline')));
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions, policy)));
    this.render();
  }

  update(change: Partial<TrayState>): void {
    this.state = { ...this.state, ...change };
    this.render();
  }

  private render(): void {
    const { look, tooltip } = trayAppearance(this.state);
    this.tray.setImage(nativeImage.createFromPath(trayIconPath(this.assetsDir, look)));
    this.tray.setToolTip(tooltip);
  }
}

/** Creates the tray and keeps it in step with the agent's status. */
export function setupTray(options: {
  assetsDir: string;
  actions: TrayActions;
  onStatus: (listener: (status: AgentConnectionStatus) => void) => () => void;
  initialStatus: AgentConnectionStatus;
  policy?: TrayMenuPolicy;
  /** Subscribes to "the employee has an open ticket" changes (the help-requested look). */
  onHelpRequested?: (listener: (requested: boolean) => void) => () => void;
}): AgentTray {
  const tray = new AgentTray(options.assetsDir, options.actions, options.policy);
  tray.update({ status: options.initialStatus });
  options.onStatus((status) => tray.update({ status }));
  options.onHelpRequested?.((helpRequested) => tray.update({ helpRequested }));
  return tray;
}
