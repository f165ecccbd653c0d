import { describe, expect, it } from 'vitest';
import { imageSource } from './image-source.js';

describe('imageSource', () => {
  it('turns checked image bytes into a data URL', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    const src = await imageSource(new Blob([bytes], { type: 'image/png' }));
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses anything that is not an accepted image type', async () => {
    await expect(imageSource(new Blob(['<svg onload=alert(1)>'], { type: 'image/svg+xml' }))).rejects.toThrow();
    await expect(imageSource(new Blob(['x'], { type: 'text/html' }))).rejects.toThrow();
  });
});
