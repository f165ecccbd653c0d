import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentConnectionStatus } from '../common/bridge-api.js';
import { FakeTray, Menu, resetElectronMock } from '@deskside/electron-common/testing';
import { setupTray, trayAppearance, trayMenuTemplate, type TrayActions } from './tray.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

beforeEach(() => resetElectronMock());

const actions = () => ({
  openGetHelp: vi.fn<() => void>(),
  openMyTickets: vi.fn<() => void>(),
  openThisComputer: vi.fn<() => void>(),
  openCheckConnection: vi.fn<() => void>(),
  openHelpArticles: vi.fn<() => void>(),
  quit: vi.fn<() => void>(),
}) satisfies TrayActions;

describe('tray menu', () => {
  it('offers Get help…, My tickets, This computer, Check my connection, a separator and Quit, in that order', () => {
    const items = trayMenuTemplate(actions());
    expect(items.map((item) => item.label ?? item.type)).toEqual(['Get help…', 'Help articles', 'My tickets', 'This computer', 'Check my connection', 'separator', 'Quit']);
  });

  it('hides Quit when the policy says so', () => {
    const items = trayMenuTemplate(actions(), { hideQuit: true });
    expect(items.map((item) => item.label ?? item.type)).toEqual(['Get help…', 'Help articles', 'My tickets', 'This computer', 'Check my connection']);
  });

  it.each([
    ['Get help…', 'openGetHelp'],
    ['My tickets', 'openMyTickets'],
    ['This computer', 'openThisComputer'],
    ['Check my connection', 'openCheckConnection'],
    ['Help articles', 'openHelpArticles'],
    ['Quit', 'quit'],
  ] as const)('%s calls %s', (label, action) => {
    const spies = actions();
    const item = trayMenuTemplate(spies).find((i) => i.label === label);
    (item?.click as (() => void) | undefined)?.();
    expect(spies[action]).toHaveBeenCalledTimes(1);
  });
});

describe('tray menu in the employee\'s language, with the site\'s branding', () => {
  const branding = { companyName: 'Acme IT', logoDataUrl: null, accentColor: null, phone: '+49 30 1234567', email: null, openingHours: null };

  it('speaks German and opens with the help desk\'s name and phone number, which do nothing when clicked', () => {
    const items = trayMenuTemplate(actions(), {}, { language: 'de', branding });
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      'Acme IT',
      '+49 30 1234567 anrufen',
      'separator',
      'Hilfe anfordern…',
      'Hilfeartikel',
      'Meine Anfragen',
      'Dieser Computer',
      'Verbindung prüfen',
      'separator',
      'Beenden',
    ]);
    expect(items.filter((item) => item.id === 'help-desk' || item.id === 'call').every((item) => item.enabled === false && item.click === undefined)).toBe(true);
  });

  it('names the help desk in a translated tooltip, within the 127 characters Windows shows', () => {
    expect(trayAppearance({ status: 'offline', helpRequested: true }, { language: 'fr', branding }).tooltip).toMatch(/^Acme IT: .+ · .+$/);
    const long = { ...branding, companyName: 'A'.repeat(200) };
    expect(trayAppearance({ status: 'error', helpRequested: true }, { language: 'es', branding: long }).tooltip.length).toBeLessThanOrEqual(127);
  });

  it('rebuilds menu and tooltip when the language or the branding changes', () => {
    let words: (w: { language: 'de'; branding: typeof branding }) => void = () => {};
    setupTray({
      assetsDir: '/opt/deskside/assets',
      actions: actions(),
      onStatus: () => () => {},
      initialStatus: 'connected',
      onWords: (listener) => {
        words = listener;
        return () => {};
      },
    });
    const tray = FakeTray.instances[0];
    words({ language: 'de', branding });
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(2);
    expect(tray?.setToolTip).toHaveBeenLastCalledWith('Acme IT: mit Ihrem Helpdesk verbunden');
  });
});

describe('tray appearance', () => {
  it.each<[AgentConnectionStatus, boolean, string, RegExp]>([
    ['connected', false, 'connected', /connected/],
    ['offline', false, 'offline', /offline/],
    ['error', false, 'offline', /not working/],
    ['not-configured', false, 'offline', /not set up/],
    ['starting', false, 'offline', /starting/],
    ['connected', true, 'help-requested', /help requested/],
    ['offline', true, 'help-requested', /offline.*help requested/],
  ])('%s (help requested: %s) → %s icon', (status, helpRequested, look, tooltip) => {
    const appearance = trayAppearance({ status, helpRequested });
    expect(appearance.look).toBe(look);
    expect(appearance.tooltip).toMatch(tooltip);
  });
});

describe('setupTray', () => {
  it('builds the menu and follows status changes', () => {
    let push: (status: AgentConnectionStatus) => void = () => {};
    setupTray({
      assetsDir: '/opt/deskside/assets',
      actions: actions(),
      onStatus: (listener) => {
        push = listener;
        return () => {};
      },
      initialStatus: 'starting',
    });
    const tray = FakeTray.instances[0];
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(tray?.setContextMenu).toHaveBeenCalledTimes(1);
    push('connected');
    expect(tray?.setImage).toHaveBeenLastCalledWith({ file: '/opt/deskside/assets/tray-connected.png' });
    expect(tray?.setToolTip).toHaveBeenLastCalledWith('Deskside: connected to your help desk');
  });

  it('shows help requested while the employee has an open ticket', () => {
    let help: (requested: boolean) => void = () => {};
    setupTray({
      assetsDir: '/opt/deskside/assets',
      actions: actions(),
      onStatus: () => () => {},
      onHelpRequested: (listener) => {
        help = listener;
        return () => {};
      },
      initialStatus: 'connected',
    });
    const tray = FakeTray.instances[0];
    help(true);
    expect(tray?.setImage).toHaveBeenLastCalledWith({ file: '/opt/deskside/assets/tray-help-requested.png' });
    help(false);
    expect(tray?.setImage).toHaveBeenLastCalledWith({ file: '/opt/deskside/assets/tray-connected.png' });
  });
});
