import type { FixActionId } from './fix-actions.js';

/**
 * What each fix is called and what it does, in plain words: the console's catalogue and the
 * employee's consent prompt say the same thing. (The tray translates these by action id.)
 */
export const FIX_TEXT: Readonly<Record<FixActionId, { title: string; description: string }>> = {
  'flush-dns': { title: 'Flush the DNS cache', description: 'Forgets the web and server addresses this computer remembered, so they are looked up again. Nothing else changes.' },
  'renew-dhcp': { title: 'Renew the network address', description: 'Asks the network for a fresh address for this connection. The connection may drop for a few seconds.' },
  'reset-network-adapter': { title: 'Reset the network adapter', description: 'Turns this network connection off and on again. You will be offline for a few seconds.' },
  'restart-print-spooler': { title: 'Restart printing', description: 'Restarts the printing service; with "clear the queue", documents waiting to print are removed.' },
  'clear-temp-files': { title: 'Clear temporary files', description: 'Deletes old temporary files (and, if chosen, empties the recycle bin) to free disk space. Your documents are not touched.' },
  'restart-service': { title: 'Restart a service', description: 'Restarts one background service from the list your administrator approved.' },
  'install-app': { title: 'Install an application', description: 'Installs an application your administrator approved, through the system package manager.' },
  'update-app': { title: 'Update an application', description: 'Updates an application your administrator approved to its latest version.' },
  'uninstall-app': { title: 'Uninstall an application', description: 'Removes an application from this computer.' },
  'collect-logs': { title: 'Collect system logs', description: 'Reads recent warnings and errors from the system logs and adds them to your ticket. Passwords and keys are removed first.' },
  reboot: { title: 'Restart the computer', description: 'Restarts this computer after the delay shown. Save your work first.' },
};
