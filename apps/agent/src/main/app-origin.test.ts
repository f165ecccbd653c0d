import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPageUrl } from './app-origin.js';

const RENDERER = '/opt/deskside/dist/renderer';
const page = (name: string) => pathToFileURL(`${RENDERER}/${name}`).href;

describe('isAppPageUrl', () => {
  it.each([
    ['this-computer page', page('this-computer.html'), true],
    ['get-help page', page('get-help.html'), true],
    ['app page with a hash', `${page('get-help.html')}#details`, true],
    ['app page with a query', `${page('this-computer.html')}?x=1`, true],
    ['file:// with localhost host', `file://localhost${RENDERER}/get-help.html`, true],
    ['unknown page in the renderer dir', page('evil.html'), false],
    ['asset, not a page', page('assets/index.js'), false],
    ['page in a sub-folder', page('sub/get-help.html'), false],
    ['dot-dot out of the renderer dir', `file://${RENDERER}/../../../etc/passwd`, false],
    ['encoded dot-dot', `file://${RENDERER}/%2e%2e/renderer-evil/get-help.html`, false],
    ['sibling dir sharing a prefix', pathToFileURL('/opt/deskside/dist/renderer-evil/get-help.html').href, false],
    ['other file on disk', 'file:///etc/passwd', false],
    ['UNC-style remote host', `file://evil.example${RENDERER}/get-help.html`, false],
    ['https origin', 'https://example.com/get-help.html', false],
    ['http localhost', 'http://127.0.0.1:4800/', false],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html', false],
    ['about:blank', 'about:blank', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['data: html', 'data:text/html,<script>alert(1)</script>', false],
    ['not a URL', 'get-help.html', false],
    ['empty', '', false],
  ])('%s → %s', (_name, url, allowed) => {
    expect(isAppPageUrl(url, RENDERER)).toBe(allowed);
  });
});
