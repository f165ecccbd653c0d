import { describe, expect, it } from 'vitest';
import { jpegHeader, pngHeader, webpHeader } from './image-fixtures.js';
import { sniffImage } from './image-sniff.js';

describe('sniffImage', () => {
  it.each([
    ['PNG', pngHeader(640, 480), 'image/png'],
    ['JPEG', jpegHeader(1920, 1080), 'image/jpeg'],
    ['WebP (VP8X)', webpHeader(800, 600), 'image/webp'],
  ] as const)('reads the type and size of a %s header', (_name, bytes, mediaType) => {
    const result = sniffImage(bytes);
    expect(result).toEqual({ ok: true, image: { mediaType, width: expect.any(Number), height: expect.any(Number) } });
    if (result.ok) expect([result.image.width, result.image.height]).toEqual(mediaType === 'image/png' ? [640, 480] : mediaType === 'image/jpeg' ? [1920, 1080] : [800, 600]);
  });

  it('reads a lossless WebP header', () => {
    const b = Buffer.alloc(30);
    b.write('RIFF', 0, 'ascii');
    b.write('WEBP', 8, 'ascii');
    b.write('VP8L', 12, 'ascii');
    b[20] = 0x2f;
    b.writeUInt32LE((99 & 0x3fff) | ((49 & 0x3fff) << 14), 21);
    expect(sniffImage(b)).toEqual({ ok: true, image: { mediaType: 'image/webp', width: 100, height: 50 } });
  });

  it.each([
    ['a side over 10,000', pngHeader(10_001, 10), 'per side'],
    ['over 50 megapixels', pngHeader(8000, 7000), 'megapixels'],
    ['a JPEG over 10,000', jpegHeader(12_000, 100), 'per side'],
    ['a WebP over 50 megapixels', webpHeader(9_000, 9_000), 'megapixels'],
    ['zero pixels', pngHeader(0, 10), 'no pixels'],
  ])('refuses %s', (_name, bytes, reason) => {
    expect(sniffImage(bytes)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it.each([
    ['text claiming nothing', Buffer.from('hello world, this is not an image at all')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00')],
    ['HTML', Buffer.from('<!doctype html><html><body>hi</body></html>')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImage(bytes)).toEqual({ ok: false, reason: 'not a PNG, JPEG or WebP image' });
  });

  it.each([
    ['a truncated PNG', pngHeader(10, 10).subarray(0, 20)],
    ['a JPEG without a frame', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['a JPEG with a garbage segment', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0x00, 0x00])],
    ['a truncated WebP', webpHeader(10, 10).subarray(0, 20)],
  ])('refuses %s as damaged', (_name, bytes) => {
    expect(sniffImage(bytes)).toEqual({ ok: false, reason: 'the image header is damaged' });
  });
});
