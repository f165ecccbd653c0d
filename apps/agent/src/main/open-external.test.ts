import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronMock, shell } from '../test-support/electron-mock.js';
import { isSafeExternalUrl, openExternalSafely } from './open-external.js';

vi.mock('electron', () => import('../test-support/electron-mock.js'));

beforeEach(() => resetElectronMock());

describe('openExternalSafely', () => {
  it.each([
    ['https link', 'https://help.example.com/kb/42', true],
    ['https with port and query', 'https://example.com:8443/a?b=c#d', true],
    ['http', 'http://example.com/', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['file:', 'file:///C:/Windows/System32/calc.exe', false],
    ['data:', 'data:text/html,<script>alert(1)</script>', false],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic', false],
    ['smb share', 'smb://server/share', false],
    ['credentials in the URL', 'https://user:pass@example.com/', false],
    ['upper-case scheme is still https', 'HTTPS://EXAMPLE.COM/', true],
    ['not a URL', 'example.com', false],
    ['empty', '', false],
    ['huge', `https://example.com/${'a'.repeat(5000)}`, false],
  ])('%s', async (_name, url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
    expect(await openExternalSafely(url)).toBe(allowed);
    if (allowed) expect(shell.openExternal).toHaveBeenCalledWith(url);
    else expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
