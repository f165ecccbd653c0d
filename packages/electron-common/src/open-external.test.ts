import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl } from './external-url.js';
import { openExternalSafely } from './open-external.js';
import { resetElectronMock, shell } from './testing/index.js';

vi.mock('electron', () => import('./testing/index.js'));

beforeEach(() => resetElectronMock());

describe('openExternalSafely', () => {
  it.each([
    ['https link', 'https://help.example.com/kb/42', true],
    ['https with port and query', 'https://example.com:8443/a?b=c#d', true],
    ['http', 'http://example.com/', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['file: (Windows)', 'file:///C:/Windows/System32/calc.exe', false],
    ['file: (POSIX)', 'file:///etc/passwd', false],
    ['data:', 'data:text/html,<script>alert(1)</script>', false],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic', false],
    ['smb share', 'smb://server/share', false],
    ['credentials in the URL', 'https://user:pass@example.com/', false],
    ['a user name alone', 'https://u@example.com/', false],
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

  it('refuses a value that is not a string (IPC hands main whatever a page sends)', async () => {
    expect(isSafeExternalUrl({ toString: () => 'https://example.com/' } as unknown as string)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
