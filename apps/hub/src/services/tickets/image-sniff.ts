/** What the bytes really are, read from the header only (nothing is decoded). */
export interface SniffedImage {
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 50_000_000;

export type SniffResult = { ok: true; image: SniffedImage } | { ok: false; reason: string };

/**
 * Identifies PNG, JPEG or WebP by magic bytes AND parses the header for its dimensions; refuses
 * anything else, a header it cannot read, and dimensions over 10,000 per side or 50 megapixels,
 * before anything would ever decode the pixels (a small file can declare a huge canvas).
 */
export function sniffImage(bytes: Uint8Array): SniffResult {
  let image: Parsed;
  for (const parse of [png, jpeg, webp]) {
    image = parse(bytes);
    if (image !== undefined) break;
  }
  if (image === undefined) return { ok: false, reason: 'not a PNG, JPEG or WebP image' };
  if (image === null) return { ok: false, reason: 'the image header is damaged' };
  const { width, height } = image;
  if (width < 1 || height < 1) return { ok: false, reason: 'the image has no pixels' };
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { ok: false, reason: `the image is larger than ${MAX_IMAGE_SIDE} pixels per side` };
  if (width * height > MAX_IMAGE_PIXELS) return { ok: false, reason: 'the image has more than 50 megapixels' };
  return { ok: true, image };
}

// Each parser: undefined = not this format, null = this format but unreadable.
type Parsed = SniffedImage | null | undefined;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function png(b: Uint8Array): Parsed {
  if (!PNG_SIGNATURE.every((v, i) => b[i] === v)) return undefined;
  // The first chunk must be IHDR (13 bytes): width and height, big-endian.
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR' || u32be(b, 8) !== 13) return null;
  return { mediaType: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): Parsed {
  if (b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  let i = 2;
  // Walk the marker segments up to the first start-of-frame, which carries the dimensions.
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before any frame
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > b.length) return null;
      return { mediaType: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array): Parsed {
  if (b.length < 12 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return undefined;
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Key frame start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { mediaType: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { mediaType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { mediaType: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...b.subarray(at, at + n));
}
function u32be(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) >>> 0) + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0);
}
function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}
function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);
}
