import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronMock, shell } from '../test-support/electron-mock.js';
import { openExternalSafely } from './open-external.js';

vi.mock('electron', () => import('../test-support/electron-mock.js'));

beforeEach(() => resetElectronMock());

describe('openExternalSafely', () => {
  it.each([
    ['https://docs.example.com/', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
    ['https://u:p@example.com/', false],
  ])('%s → %s', async (url, opened) => {
    expect(await openExternalSafely(url)).toBe(opened);
    expect(shell.openExternal).toHaveBeenCalledTimes(opened ? 1 : 0);
  });
});
