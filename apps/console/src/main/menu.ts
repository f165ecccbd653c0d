import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openSettings(): void;
}

/** The application menu, as data: the hub address, the standard edit roles (copy/paste), quit. */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Deskside',
      submenu: [{ label: 'Hub address…', click: () => actions.openSettings() }, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
  ];
}

export function setupMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}
