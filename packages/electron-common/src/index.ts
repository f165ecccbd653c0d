/**
 * Main-process code shared by Deskside's Electron shells (the tray agent and the console shell):
 * web-contents and session hardening, the secure window factory, the IPC manager, safe external
 * links, single-instance start-up. Main process only: renderers and sandboxed preloads never
 * import it. Two more entries: `@deskside/electron-common/rules` (the same security rules as plain
 * functions, no Electron at run time) and `@deskside/electron-common/testing` (the `electron` mock
 * and fakes, for tests only).
 */
export { registerIpcHandlers, type IpcHandlerMap, type IpcRegistration } from './ipc-registry.js';
export type { ShellLogger } from './logger.js';
export { openExternalSafely } from './open-external.js';
export { createSecureWindow, SECURE_WEB_PREFERENCES, type SecureWindowOptions } from './secure-window.js';
export { hardenSession, LOCAL_PAGE_CSP, type SessionPolicy } from './session.js';
export { setupShellSecurity, type ShellSecurityPolicy } from './shell-security.js';
export { startSingleInstance, type SingleInstanceOptions } from './single-instance.js';
export { hardenWebContents, type WebContentsPolicy } from './web-contents.js';
