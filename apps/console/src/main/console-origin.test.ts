import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { httpOrigin, isOnOrigin, isSettingsPageUrl } from './console-origin.js';

const HUB = 'https://hub.example.com';
const RENDERER = '/opt/console/dist/renderer';

describe('isOnOrigin (navigation within the hub)', () => {
  it.each([
    ['the console root', 'https://hub.example.com/', true],
    ['a deep link', 'https://hub.example.com/devices/01J?tab=inventory#x', true],
    ['explicit default port', 'https://hub.example.com:443/alerts', true],
    ['http instead of https', 'http://hub.example.com/', false],
    ['another port', 'https://hub.example.com:8443/', false],
    ['a subdomain', 'https://evil.hub.example.com/', false],
    ['a look-alike suffix', 'https://hub.example.com.evil.net/', false],
    ['credentials prefix trick', 'https://hub.example.com@evil.net/', false],
    ['another site', 'https://example.org/', false],
    ['file URL', 'file:///etc/passwd', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['data:', 'data:text/html,hi', false],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html', false],
    ['garbage', 'not a url', false],
  ])('%s', (_name, url, allowed) => {
    expect(isOnOrigin(url, HUB)).toBe(allowed);
  });

  it('allows nothing before a hub is chosen', () => {
    expect(isOnOrigin('https://hub.example.com/', null)).toBe(false);
  });
});

describe('httpOrigin', () => {
  it.each([
    ['http://127.0.0.1:4800', 'http://127.0.0.1:4800'],
    ['HTTP://Hub.Example.com:80/path?q', 'http://hub.example.com'],
    ['https://user:pw@hub.example.com', null],
    ['ftp://hub.example.com', null],
    ['', null],
  ])('%s → %s', (url, origin) => expect(httpOrigin(url)).toBe(origin));
});

describe('isSettingsPageUrl', () => {
  it.each([
    [pathToFileURL(`${RENDERER}/settings.html`).href, true],
    [`${pathToFileURL(`${RENDERER}/settings.html`).href}#x`, true],
    [pathToFileURL(`${RENDERER}/other.html`).href, false],
    [pathToFileURL('/tmp/settings.html').href, false],
    [`file://remote.example${RENDERER}/settings.html`, false],
    ['https://hub.example.com/settings.html', false],
  ])('%s → %s', (url, expected) => expect(isSettingsPageUrl(url, RENDERER)).toBe(expected));
});
