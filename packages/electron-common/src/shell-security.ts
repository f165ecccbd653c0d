import { app, session } from 'electron';
import { hardenSession, type SessionPolicy } from './session.js';
import { hardenWebContents, type WebContentsPolicy } from './web-contents.js';

export type ShellSecurityPolicy = WebContentsPolicy & SessionPolicy;

/**
 * Hardens every web contents the app will ever create, and the default session: see
 * `hardenWebContents` and `hardenSession`. Call it first in `onReady`, before any window exists.
 */
export function setupShellSecurity(policy: ShellSecurityPolicy): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
  hardenSession(session.defaultSession, policy);
}
