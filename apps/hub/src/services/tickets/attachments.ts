import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TicketAttachmentRecord } from '@deskside/store';
import type { Logger } from '../../log/logger.js';
import { ServiceError } from '../service-error.js';
import { sniffImage } from './image-sniff.js';

/** Largest attachment stored (the protocol's base64 cap decodes to ~1.05 MB). */
export const MAX_ATTACHMENT_BYTES = 1_100_000;

/**
 * Attachment bytes on disk, outside the database: `<dataDir>/attachments/<yyyy>/<mm>/<id>`, files
 * 0600 in 0700 folders, names chosen by the hub (never by the sender). The type is what the bytes
 * are, sniffed and header-checked, never what the sender claims.
 */
export class AttachmentFiles {
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly logger?: Pick<Logger, 'error'>,
  ) {
    this.root = path.resolve(dataDir, 'attachments');
  }

  /** Checks and writes (synced) the bytes; answers the metadata row to insert. */
  async save(bytes: Buffer, input: { id: string; ticketId: string; kind: 'screenshot' | 'file'; claimed?: string; now: Date }): Promise<TicketAttachmentRecord> {
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new ServiceError('payload_too_large', `The attachment is larger than ${MAX_ATTACHMENT_BYTES} bytes.`);
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) throw new ServiceError('invalid_payload', `The attachment was refused: ${sniffed.reason}.`);
    if (input.claimed !== undefined && input.claimed !== sniffed.image.mediaType) {
      throw new ServiceError('invalid_payload', `The attachment claims ${input.claimed} but is ${sniffed.image.mediaType}.`);
    }
    const yyyy = String(input.now.getUTCFullYear()).padStart(4, '0');
    const mm = String(input.now.getUTCMonth() + 1).padStart(2, '0');
    const storagePath = `${yyyy}/${mm}/${input.id}`;
    const file = this.resolve(storagePath);
    try {
      await mkdir(path.join(this.root, yyyy, mm), { recursive: true, mode: 0o700 });
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        // The ack promises the ticket is stored: that includes its screenshot.
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      // Disk full, quota, I/O error: no half-written orphan stays behind, and the log says what happened.
      await rm(file, { force: true }).catch(() => undefined);
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
      this.logger?.error('attachment not stored', { attachmentId: input.id, ticketId: input.ticketId, code, err: String(err) });
      throw new ServiceError('internal', code === 'ENOSPC' || code === 'EDQUOT' ? 'The hub is out of disk space; the attachment was not stored. Try again later.' : 'The hub could not store the attachment. Try again later.');
    }
    return {
      id: input.id,
      ticketId: input.ticketId,
      kind: input.kind,
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

  /** Removes a file whose row was never committed; a missing file is fine. */
  async discard(storagePath: string): Promise<void> {
    await rm(this.resolve(storagePath), { force: true });
  }

  private resolve(storagePath: string): string {
    const full = path.resolve(this.root, storagePath);
    if (!full.startsWith(this.root + path.sep)) throw new Error('attachment path escapes the attachment folder');
    return full;
  }
}
