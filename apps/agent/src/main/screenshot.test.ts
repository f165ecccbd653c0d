import { describe, expect, it, vi } from 'vitest';
import { captureScreenshot, fitScreenshot, previewOf, SCREENSHOT_MAX_BYTES, THUMBNAIL_SIZE, type ScreenshotImage } from './screenshot.js';

/** A fake NativeImage whose JPEG size is proportional to its pixels (bytesPerPixel at quality 100). */
function image(width: number, height: number, bytesPerPixel: number, empty = false): ScreenshotImage {
  return {
    isEmpty: () => empty,
    getSize: () => ({ width, height }),
    resize: ({ width: w }) => image(w, Math.round((height * w) / width), bytesPerPixel),
    toJPEG: (quality) => Buffer.alloc(Math.round(width * height * bytesPerPixel * (quality / 100)), 1),
  };
}

describe('fitScreenshot', () => {
  it('keeps a small screen as it is, as JPEG', () => {
    const shot = fitScreenshot(image(1280, 720, 0.5));
    expect(shot).toMatchObject({ mediaType: 'image/jpeg', width: 1280, height: 720 });
    expect(shot?.bytes).toBeLessThanOrEqual(SCREENSHOT_MAX_BYTES);
    expect(Buffer.from(shot?.dataBase64 ?? '', 'base64')).toHaveLength(shot?.bytes ?? -1);
  });

  it('downscales a busy 4K screen until it fits the ticket limit', () => {
    const shot = fitScreenshot(image(3840, 2160, 1));
    expect(shot).not.toBeNull();
    expect(shot?.width).toBeLessThan(1920);
    expect(shot?.bytes).toBeLessThanOrEqual(SCREENSHOT_MAX_BYTES);
    // The protocol's base64 cap (1,400,000 characters).
    expect(shot?.dataBase64.length).toBeLessThanOrEqual(1_400_000);
  });

  it('gives up (null) rather than send something over the limit, and on an empty image', () => {
    expect(fitScreenshot(image(3840, 2160, 100))).toBeNull();
    expect(fitScreenshot(image(0, 0, 1, true))).toBeNull();
  });

  it('previews as a data URL', () => {
    const shot = fitScreenshot(image(10, 10, 1));
    expect(shot && previewOf(shot).dataUrl).toMatch(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/);
  });
});

describe('captureScreenshot', () => {
  it('asks desktopCapturer for screens only, at the thumbnail size', async () => {
    const getSources = vi.fn(async () => [{ thumbnail: image(1920, 1080, 0.3) }]);
    const shot = await captureScreenshot(getSources);
    expect(getSources).toHaveBeenCalledWith({ types: ['screen'], thumbnailSize: { ...THUMBNAIL_SIZE } });
    expect(shot?.width).toBe(1920);
  });

  it('answers null when there is no screen', async () => {
    expect(await captureScreenshot(async () => [])).toBeNull();
  });
});
