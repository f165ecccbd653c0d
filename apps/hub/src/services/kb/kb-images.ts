import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KbAttachmentRecord } from '@deskside/store';
import { ServiceError } from '../service-error.js';
import { MAX_ATTACHMENT_BYTES } from '../tickets/attachments.js';
import { sniffImage } from '../tickets/image-sniff.js';

/**
 * Article images on disk, like ticket screenshots: `<dataDir>/kb-images/<yyyy>/<mm>/<id>`, 0600 in
 * 0700 folders, names chosen by the hub, the type sniffed from the bytes (PNG, JPEG, WebP) and
 * header-checked, at most ~1.1 MB each.
 */
export class KbImageFiles {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'kb-images');
  }

  async save(bytes: Buffer, input: { id: string; articleId: string; now: Date }): Promise<KbAttachmentRecord> {
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new ServiceError('payload_too_large', `The image is larger than ${MAX_ATTACHMENT_BYTES} bytes.`);
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) throw new ServiceError('invalid_payload', `The image was refused: ${sniffed.reason}.`);
    const yyyy = String(input.now.getUTCFullYear()).padStart(4, '0');
    const mm = String(input.now.getUTCMonth() + 1).padStart(2, '0');
    const storagePath = `${yyyy}/${mm}/${input.id}`;
    await mkdir(path.join(this.root, yyyy, mm), { recursive: true, mode: 0o700 });
    const handle = await open(this.resolve(storagePath), 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return {
      id: input.id,
      articleId: input.articleId,
      mediaType: sniffed.image.mediaType,
      bytes: bytes.length,
      width: sniffed.image.width,
      height: sniffed.image.height,
      storagePath,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: input.now,
    };
  }

  read(storagePath: string): Promise<Buffer> {
    return readFile(this.resolve(storagePath));
  }

  private resolve(storagePath: string): string {
    const full = path.resolve(this.root, storagePath);
    if (!full.startsWith(this.root + path.sep)) throw new Error('image path escapes the image folder');
    return full;
  }
}
