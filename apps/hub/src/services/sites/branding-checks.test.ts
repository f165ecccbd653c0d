import { EMPTY_BRANDING } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { jpegHeader, pngHeader } from '../tickets/image-fixtures.js';
import { checkBranding, contrastWithWhite } from './branding-checks.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('branding checks', () => {
  it('keeps a small raster logo, re-encoded, and tidies the text fields', () => {
    const logo = { mediaType: 'image/png' as const, dataBase64: b64(pngHeader(240, 64)) };
    const checked = checkBranding({ ...EMPTY_BRANDING, companyName: '  Acme  ', phone: ' ', logo, accentColor: '#1F4E8C' });
    expect(checked).toEqual({ ...EMPTY_BRANDING, companyName: 'Acme', phone: null, logo, accentColor: '#1f4e8c' });
  });

  it.each([
    ['an SVG (script can hide in it)', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /PNG, JPEG or WebP/],
    ['HTML named a PNG', 'image/png', Buffer.from('<html><body onload=alert(1)>'), /PNG, JPEG or WebP/],
    ['a JPEG that claims to be a PNG', 'image/png', jpegHeader(100, 100), /is a image\/jpeg, not the image\/png/],
    ['a logo wider than 1024 pixels', 'image/png', pngHeader(1025, 10), /1024 pixels/],
    ['a logo over 64 KB', 'image/png', Buffer.concat([pngHeader(10, 10), Buffer.alloc(64 * 1024)]), /64 KB/],
  ] as const)('refuses %s', (_what, mediaType, bytes, message) => {
    expect(() => checkBranding({ ...EMPTY_BRANDING, logo: { mediaType, dataBase64: b64(bytes) } })).toThrow(message);
  });

  it('refuses an accent colour white text cannot be read on', () => {
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(() => checkBranding({ ...EMPTY_BRANDING, accentColor: '#ffd700' })).toThrow(/hard to read/);
    expect(checkBranding({ ...EMPTY_BRANDING, accentColor: '#0B5CAD' }).accentColor).toBe('#0b5cad');
  });
});
