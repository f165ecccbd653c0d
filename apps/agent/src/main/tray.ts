import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { AgentConnectionStatus, BrandingView, Language } from '../common/bridge-api.js';
import { translator } from '../common/translator.js';

/** The three looks of the tray icon. */
export type TrayLook = 'connected' | 'offline' | 'help-requested';

export interface TrayState {
  status: AgentConnectionStatus;
  /** An employee's ticket is open and waiting (set by the Get-help flow). */
  helpRequested: boolean;
}

/** What the menu and tooltip say it in, and whose help desk they name (from the hub, per site). */
export interface TrayWords {
  language: Language;
  branding: BrandingView | null;
}

export interface TrayActions {
  openGetHelp(): void;
  openMyTickets(): void;
  openThisComputer(): void;
  openCheckConnection(): void;
  openHelpArticles(): void;
  quit(): void;
}

/** What the administrator's policy changes in the menu. */
export interface TrayMenuPolicy {
  /** Hide "Quit" so employees keep the agent running (default: shown). */
  hideQuit?: boolean;
}

const ENGLISH: TrayWords = { language: 'en', branding: null };

/**
 * The context menu, as data (tested without Electron), in the employee's language. With the
 * site's branding it opens with the help desk's name and phone number (labels only: a tray menu
 * cannot dial, and reading the number out is what the employee needs).
 */
export function trayMenuTemplate(actions: TrayActions, policy: TrayMenuPolicy = {}, words: TrayWords = ENGLISH): MenuItemConstructorOptions[] {
  const t = translator(words.language);
  const header: MenuItemConstructorOptions[] = [];
  const company = words.branding?.companyName;
  const phone = words.branding?.phone;
  if (company) header.push({ id: 'help-desk', label: clip(company, 60), enabled: false });
  if (phone) header.push({ id: 'call', label: t('menu.call', { phone: clip(phone, 40) }), enabled: false });
  if (header.length > 0) header.push({ type: 'separator' });
  const items: MenuItemConstructorOptions[] = [
    ...header,
    { id: 'get-help', label: t('menu.getHelp'), click: () => actions.openGetHelp() },
    { id: 'help-articles', label: t('menu.helpArticles'), click: () => actions.openHelpArticles() },
    { id: 'my-tickets', label: t('menu.myTickets'), click: () => actions.openMyTickets() },
    { id: 'this-computer', label: t('menu.thisComputer'), click: () => actions.openThisComputer() },
    { id: 'check-connection', label: t('menu.checkConnection'), click: () => actions.openCheckConnection() },
  ];
  if (!policy.hideQuit) items.push({ type: 'separator' }, { id: 'quit', label: t('menu.quit'), click: () => actions.quit() });
  return items;
}

/** Windows cuts tray tooltips at 127 characters. */
export const TOOLTIP_MAX_CHARS = 127;

/** Icon and tooltip for a state, the tooltip in the employee's language and naming their help desk. */
export function trayAppearance(state: TrayState, words: TrayWords = ENGLISH): { look: TrayLook; tooltip: string } {
  const t = translator(words.language);
  const look: TrayLook = state.helpRequested ? 'help-requested' : state.status === 'connected' ? 'connected' : 'offline';
  const name = words.branding?.companyName ? clip(words.branding.companyName, 60) : t('app.name');
  const help = state.helpRequested ? ` · ${t('tooltip.helpRequested')}` : '';
  return { look, tooltip: clip(`${name}: ${t(`tooltip.${state.status}`)}${help}`, TOOLTIP_MAX_CHARS) };
}

/** The icon file of a look (`@2x` variants next to it are picked up by Electron on HiDPI). */
export const trayIconPath = (assetsDir: string, look: TrayLook): string => path.join(assetsDir, `tray-${look}.png`);

/** The tray icon: created once, updated on every state or language change. */
export class AgentTray {
  private readonly tray: Tray;
  private state: TrayState = { status: 'starting', helpRequested: false };
  private words: TrayWords;

  constructor(
    private readonly assetsDir: string,
    private readonly actions: TrayActions,
    private readonly policy: TrayMenuPolicy = {},
    words: TrayWords = ENGLISH,
  ) {
    this.words = words;
    this.tray = new Tray(nativeImage.createFromPath(trayIconPath(assetsDir, 'offline')));
    this.renderMenu();
    this.render();
  }

  update(change: Partial<TrayState>): void {
    this.state = { ...this.state, ...change };
    this.render();
  }

  /** The language or the branding changed: menu and tooltip are rebuilt in it. */
  setWords(words: TrayWords): void {
    this.words = words;
    this.renderMenu();
    this.render();
  }

  private renderMenu(): void {
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(this.actions, this.policy, this.words)));
  }

  private render(): void {
    const { look, tooltip } = trayAppearance(this.state, this.words);
    this.tray.setImage(nativeImage.createFromPath(trayIconPath(this.assetsDir, look)));
    this.tray.setToolTip(tooltip);
  }
}

/** Creates the tray and keeps it in step with the agent's status, the language and the branding. */
export function setupTray(options: {
  assetsDir: string;
  actions: TrayActions;
  onStatus: (listener: (status: AgentConnectionStatus) => void) => () => void;
  initialStatus: AgentConnectionStatus;
  policy?: TrayMenuPolicy;
  /** Subscribes to "the employee has an open ticket" changes (the help-requested look). */
  onHelpRequested?: (listener: (requested: boolean) => void) => () => void;
  /** The words now, and their changes (language chosen, site default or branding from the hub). */
  words?: TrayWords;
  onWords?: (listener: (words: TrayWords) => void) => () => void;
}): AgentTray {
  const tray = new AgentTray(options.assetsDir, options.actions, options.policy, options.words);
  tray.update({ status: options.initialStatus });
  options.onStatus((status) => tray.update({ status }));
  options.onHelpRequested?.((helpRequested) => tray.update({ helpRequested }));
  options.onWords?.((words) => tray.setWords(words));
  return tray;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
