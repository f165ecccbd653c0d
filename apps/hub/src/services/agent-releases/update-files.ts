import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import type { AgentUpdateFile } from '@deskside/protocol';
import { ServiceError } from '../service-error.js';

/** A file the hub serves for updates: a plain name (no path, no leading dot) with an update file's extension. */
const UPDATE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._+-]{0,200}\.(exe|msi|pkg|dmg|zip|deb|rpm|AppImage|tar\.gz|tgz)$/;
/** Where PCs fetch update files (public: the files are signed by their manifest's hash, and hold no secret). */
export const UPDATE_FILES_PATH = '/agent-updates/files/';
/** Installers are a few hundred MB at most. */
export const MAX_UPDATE_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * The update files in `DATA_DIR/agent-updates/`: uploaded through the API (hashed while written)
 * or placed there by an admin (hashed on first use). A hash is kept beside each file in a dot
 * file, which is never served.
 */
export function updateFiles(dir: string) {
  const sidecar = (name: string) => join(dir, `.${name}.sha512`);
  const self = {
    dir,
    /** The file's path and size when `name` is a servable update file, else null. */
    async find(name: string): Promise<{ path: string; size: number } | null> {
      if (!UPDATE_NAME.test(name)) return null;
      const path = join(dir, name);
      // lstat: a symbolic link is not a regular file, so nothing outside the directory is reachable.
      const info = await lstat(path).catch(() => null);
      return info?.isFile() ? { path, size: info.size } : null;
    },
    /** Size and base64 SHA-512 of a servable file (hashing it once if it was placed by hand). */
    async describe(name: string): Promise<AgentUpdateFile | null> {
      const found = await self.find(name);
      if (!found) return null;
      const cached = await readFile(sidecar(name), 'utf8').catch(() => '');
      const [size, sha512] = cached.split(' ');
      if (Number(size) === found.size && sha512) return { file: name, url: urlOf(name), sha512, size: found.size };
      const hash = createHash('sha512');
      await pipeline(createReadStream(found.path), hash);
      const digest = hash.digest('base64');
      await writeFile(sidecar(name), `${found.size} ${digest}`);
      return { file: name, url: urlOf(name), sha512: digest, size: found.size };
    },
    async list(): Promise<AgentUpdateFile[]> {
      const names = await readdir(dir).catch(() => [] as string[]);
      const out: AgentUpdateFile[] = [];
      for (const name of names.sort().slice(0, 500)) {
        const described = await self.describe(name);
        if (described) out.push(described);
      }
      return out;
    },
    /**
     * Stores an uploaded file under `name`: streamed to a temporary file while hashed, refused past
     * `maxBytes`, then renamed into place (a reader never sees half a file). An existing file of
     * that name is not replaced: a release's bytes never change under its signed hash.
     */
    async save(name: string, body: Readable, maxBytes = MAX_UPDATE_FILE_BYTES): Promise<AgentUpdateFile> {
      if (!UPDATE_NAME.test(name)) throw new ServiceError('bad_request', 'Name the file like an installer (letters, digits, ". _ + -", ending .exe .msi .pkg .dmg .zip .deb .rpm .AppImage or .tar.gz).');
      if (await self.find(name)) throw new ServiceError('conflict', `${name} is already on this hub; upload the new version under its own name.`);
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
      const hash = createHash('sha512');
      let size = 0;
      try {
        await pipeline(
          body,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              size += chunk.length;
              if (size > maxBytes) throw new ServiceError('payload_too_large', `Update files are at most ${Math.round(maxBytes / 1024 / 1024)} MB.`);
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(temp, { flags: 'wx', mode: 0o644 }),
        );
        if (size === 0) throw new ServiceError('bad_request', 'The file is empty.');
        const sha512 = hash.digest('base64');
        await writeFile(sidecar(name), `${size} ${sha512}`);
        await rename(temp, join(dir, name));
        return { file: name, url: urlOf(name), sha512, size };
      } finally {
        await rm(temp, { force: true });
      }
    },
  };
  return self;
}

export type UpdateFiles = ReturnType<typeof updateFiles>;

function urlOf(name: string): string {
  return `${UPDATE_FILES_PATH}${encodeURIComponent(name)}`;
}
