import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The settings page's HTML (src/renderer), checked from here: the renderer may not import Node.
const html = readFileSync(new URL('../renderer/settings.html', import.meta.url), 'utf8');

describe('settings.html', () => {
  it('carries the strict CSP meta tag', () => {
    expect(html).toContain(
      `content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'"`,
    );
  });

  it('has no inline script or handler', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
