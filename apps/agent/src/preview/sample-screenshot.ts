import { deflateSync } from 'node:zlib';
import type { CapturedScreenshot } from '../main/screenshot.js';

/**
 * The preview's stand-in for desktopCapturer (a browser cannot take one): a real PNG of a plain
 * "desktop" with a window and an error dialog on it, drawn with node:zlib only.
 */
export function sampleScreenshot(width = 640, height = 400): CapturedScreenshot {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y, width, height);
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { mediaType: 'image/png', dataBase64: png.toString('base64'), width, height, bytes: png.length };
}

function pixel(x: number, y: number, w: number, h: number): [number, number, number] {
  const inside = (x0: number, y0: number, x1: number, y1: number) => x >= w * x0 && x < w * x1 && y >= h * y0 && y < h * y1;
  if (y > h * 0.94) return [32, 36, 48]; // taskbar
  if (inside(0.33, 0.36, 0.67, 0.42)) return [196, 43, 28]; // dialog title bar
  if (inside(0.33, 0.42, 0.67, 0.62)) return [250, 250, 250]; // dialog
  if (inside(0.1, 0.1, 0.8, 0.16)) return [60, 90, 160]; // window title bar
  if (inside(0.1, 0.16, 0.8, 0.8)) return [236, 238, 242]; // window
  return [Math.round(40 + (60 * x) / w), Math.round(90 + (50 * y) / h), 150]; // wallpaper
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let c = 0xffffffff;
  for (const byte of body) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, crc]);
}
