// Writes the tray icons (assets/tray-<look>.png at 16x16 and @2x at 32x32): a filled circle in
// the look's colour with a white ring, anti-aliased. Run once; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const LOOKS = {
  connected: [46, 160, 67],
  offline: [128, 128, 128],
  'help-requested': [224, 140, 0],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function png(size, [r, g, b]) {
  const rows = [];
  const c = size / 2;
  const outer = size / 2 - 0.5;
  const ring = outer - size / 10;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const alpha = Math.max(0, Math.min(1, outer - d + 0.5));
      const inner = Math.max(0, Math.min(1, ring - d + 0.5));
      const mix = (v) => Math.round(255 * (1 - inner) + v * inner);
      row.set([mix(r), mix(g), mix(b), Math.round(alpha * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../assets/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [look, rgb] of Object.entries(LOOKS)) {
  writeFileSync(new URL(`tray-${look}.png`, dir), png(16, rgb));
  writeFileSync(new URL(`tray-${look}@2x.png`, dir), png(32, rgb));
}
