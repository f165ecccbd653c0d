import { ATTACHMENT_TYPES } from './tickets-api.js';

/**
 * A `src` for an image fetched as a blob. The hub's CSP allows `img-src 'self' data:` and not
 * `blob:`, so an object URL would be refused: the checked bytes become a `data:` URL instead
 * (screenshots are at most ~1 MB). Only the image types the console accepts pass.
 * TODO(hub): with `blob:` in img-src, switch to URL.createObjectURL (and revoke it on unmount).
 */
export async function imageSource(blob: Blob): Promise<string> {
  if (!ATTACHMENT_TYPES.has(blob.type)) throw new Error('not an image type the console shows');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return `data:${blob.type};base64,${btoa(binary)}`;
}
