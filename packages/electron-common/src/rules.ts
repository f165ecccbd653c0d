/**
 * `@deskside/electron-common/rules`: the shells' security rules as plain functions. Nothing here
 * needs Electron at run time, so modules that only decide (URL checks, IPC argument parsing) can
 * use them and be tested in plain Node, without the `electron` mock.
 */
export { isSafeExternalUrl } from './external-url.js';
export { InvalidIpcArguments, parseIpcArgs } from './ipc-args.js';
export { ipcSenderRejection, type SenderCheck } from './ipc-sender.js';
export { isLocalPageUrl } from './local-page.js';
