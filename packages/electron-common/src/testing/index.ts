/**
 * Test support for the Electron shells: the `electron` module mock and fakes built on it.
 * Tests only — production code imports `@deskside/electron-common` (lint keeps this entry out of it).
 *   vi.mock('electron', () => import('@deskside/electron-common/testing'));
 */
export * from './electron-mock.js';
export { default } from './electron-mock.js';
export * from './fakes.js';
