import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLocalPageUrl } from './local-page.js';

const RENDERER = '/opt/deskside/dist/renderer';
const PAGES = ['a.html', 'b.html'];
const page = (name: string) => pathToFileURL(`${RENDERER}/${name}`).href;

describe('isLocalPageUrl', () => {
  it.each([
    ['a listed page', page('a.html'), true],
    ['the other listed page', page('b.html'), true],
    ['with a query (the tray passes one)', `${page('a.html')}?ticket=1`, true],
    ['file://localhost form', `file://localhost${RENDERER}/a.html`, true],
    ['an unlisted page in the folder', page('c.html'), false],
    ['a listed name in a sub-folder', page('x/a.html'), false],
    ['.. out of the folder and back', `file://${RENDERER}/../renderer/a.html`, true],
    ['.. out of the folder', `file://${RENDERER}/../a.html`, false],
    ['a UNC host', 'file://evil-host/opt/deskside/dist/renderer/a.html', false],
    ['another local file', 'file:///etc/passwd', false],
    ['an http page with the same path', `http://127.0.0.1${RENDERER}/a.html`, false],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html', false],
    ['about:blank', 'about:blank', false],
    ['not a URL', 'a.html', false],
  ])('%s → %s', (_name, url, expected) => {
    expect(isLocalPageUrl(url, RENDERER, PAGES)).toBe(expected);
  });

  it('accepts nothing when no page is listed', () => {
    expect(isLocalPageUrl(page('a.html'), RENDERER, [])).toBe(false);
  });
});
