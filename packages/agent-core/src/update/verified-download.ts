import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { get as httpGet, type Agent as HttpAgent } from 'node:http';
import { get as httpsGet, type Agent as HttpsAgent } from 'node:https';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AgentReleaseFile } from '@deskside/protocol';

/** The download did not give the signed bytes; nothing was kept. */
export class DownloadRefused extends Error {}

/**
 * Downloads a release file into `dir` and keeps it only if it is exactly the signed size and
 * SHA-512: streamed to a temporary name while hashed, stopped as soon as it runs past the signed
 * size, renamed into place when it matches. A path on the hub is fetched from the hub (through its
 * pinned TLS agent); an absolute URL must be https.
 */
export async function downloadVerified(
  file: AgentReleaseFile,
  options: { hubUrl: string; dir: string; name: string; agent?: HttpAgent | HttpsAgent; timeoutMs?: number },
): Promise<string> {
  const url = new URL(file.url, options.hubUrl);
  const fromHub = url.origin === new URL(options.hubUrl).origin;
  if (!fromHub && url.protocol !== 'https:') throw new DownloadRefused(`${url.origin} is not https`);
  await mkdir(options.dir, { recursive: true });
  const target = join(options.dir, options.name);
  const temp = join(options.dir, `.download-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha512');
  let size = 0;
  try {
    const body = await open(url, fromHub ? options.agent : undefined, options.timeoutMs ?? 10 * 60_000);
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > file.size) throw new DownloadRefused(`more than the signed ${file.size} bytes`);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(temp, { mode: 0o600 }),
    );
    if (size !== file.size) throw new DownloadRefused(`${size} bytes, not the signed ${file.size}`);
    if (hash.digest('base64') !== file.sha512) throw new DownloadRefused('the SHA-512 does not match the signed one');
    await rename(temp, target);
    return target;
  } finally {
    await rm(temp, { force: true });
  }
}

function open(url: URL, agent: HttpAgent | HttpsAgent | undefined, timeoutMs: number): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const req = get(url, { ...(agent ? { agent } : {}), timeout: timeoutMs }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new DownloadRefused(`HTTP ${res.statusCode ?? 0} from ${url.origin}`));
        return;
      }
      resolve(res);
    });
    req.on('timeout', () => req.destroy(new DownloadRefused('the download stalled')));
    req.on('error', reject);
  });
}
