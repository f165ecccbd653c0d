import type { ScreenshotPreview } from '../common/bridge-api.js';

/** The part of Electron's `NativeImage` the screenshot needs (tests pass a fake). */
export interface ScreenshotImage {
  isEmpty(): boolean;
  getSize(): { width: number; height: number };
  resize(options: { width: number; quality?: 'good' | 'better' | 'best' }): ScreenshotImage;
  toJPEG(quality: number): Buffer;
}

/** A screenshot ready to attach: JPEG (PNG from the preview's stand-in), within the protocol's ~1 MB limit. */
export interface CapturedScreenshot {
  mediaType: 'image/jpeg' | 'image/png';
  dataBase64: string;
  width: number;
  height: number;
  bytes: number;
}

/** The protocol takes ≤ 1,400,000 base64 characters: 1,000,000 bytes leaves room to spare. */
export const SCREENSHOT_MAX_BYTES = 1_000_000;
/** What `desktopCapturer` is asked for: big enough to read an error dialog, small enough to encode fast. */
export const THUMBNAIL_SIZE = { width: 1920, height: 1200 } as const;

const ATTEMPTS: ReadonlyArray<{ width: number; quality: number }> = [
  { width: 1920, quality: 80 },
  { width: 1600, quality: 72 },
  { width: 1280, quality: 65 },
  { width: 1024, quality: 60 },
  { width: 800, quality: 50 },
];

/**
 * Downscales and JPEG-encodes until the image fits `maxBytes`; `null` when even the smallest try
 * does not (or the image is empty).
 */
export function fitScreenshot(image: ScreenshotImage, maxBytes = SCREENSHOT_MAX_BYTES): CapturedScreenshot | null {
  if (image.isEmpty()) return null;
  const original = image.getSize();
  for (const attempt of ATTEMPTS) {
    const scaled = original.width > attempt.width ? image.resize({ width: attempt.width, quality: 'good' }) : image;
    const jpeg = scaled.toJPEG(attempt.quality);
    if (jpeg.length > 0 && jpeg.length <= maxBytes) {
      const size = scaled.getSize();
      return { mediaType: 'image/jpeg', dataBase64: jpeg.toString('base64'), width: size.width, height: size.height, bytes: jpeg.length };
    }
  }
  return null;
}

export type GetScreenSources = (options: { types: Array<'screen'>; thumbnailSize: { width: number; height: number } }) => Promise<
  Array<{ thumbnail: ScreenshotImage }>
>;

/** Takes a picture of the (first) screen with `desktopCapturer`, fitted to the ticket's limit. */
export async function captureScreenshot(getSources: GetScreenSources): Promise<CapturedScreenshot | null> {
  const sources = await getSources({ types: ['screen'], thumbnailSize: { ...THUMBNAIL_SIZE } });
  const first = sources[0];
  return first ? fitScreenshot(first.thumbnail) : null;
}

/** The window's preview of a captured screenshot. */
export function previewOf(shot: CapturedScreenshot): ScreenshotPreview {
  return { dataUrl: `data:${shot.mediaType};base64,${shot.dataBase64}`, width: shot.width, height: shot.height, bytes: shot.bytes };
}
