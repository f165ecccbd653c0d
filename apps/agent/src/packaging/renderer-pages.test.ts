import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'";

// Lives outside src/renderer: the renderer may not import Node built-ins, and this test reads files.
describe.each(['this-computer.html', 'get-help.html', 'my-tickets.html', 'check-connection.html', 'help-articles.html'])('%s', (page) => {
  const html = readFileSync(new URL(`../renderer/${page}`, import.meta.url), 'utf8');

  it('carries the strict CSP meta tag', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
  });

  it('has no inline script or handler (the CSP would block it anyway)', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
