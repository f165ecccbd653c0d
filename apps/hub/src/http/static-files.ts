import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { ServiceError } from '../services/service-error.js';
import { cacheControlFor, contentTypeFor } from './content-types.js';
import { sendError, sendText } from './respond.js';

export const CONSOLE_NOT_BUILT =
  'The Deskside console has not been built yet.\nRun `npm run build` in the Deskside folder, then reload this page.\n';

/**
 * Serves the built console (a single-page app): files from its `dist/`, `index.html` for any other
 * page path, 404 for a missing asset. `root` is looked up on each request until found, so building
 * the console while the hub runs is enough.
 */
export function createStaticSite(root?: string): (req: IncomingMessage, res: ServerResponse, rawPath: string) => Promise<void> {
  let found: string | undefined;
  const locate = async (): Promise<string | undefined> => (found ??= await resolveRoot(root));

  return async (req, res, rawPath) => {
    const segments = safeSegments(rawPath);
    const dir = await locate();
    if (!dir) return sendText(res, 503, CONSOLE_NOT_BUILT);

    const file = await existingFile(dir, segments);
    if (file) return sendFile(req, res, file, segments.join('/'));
    const last = segments[segments.length - 1] ?? '';
    if (last.includes('.')) return sendError(res, 'not_found', 'No such file.');
    const index = await existingFile(dir, ['index.html']);
    if (!index) return sendText(res, 503, CONSOLE_NOT_BUILT);
    return sendFile(req, res, index, 'index.html');
  };
}

/**
 * The decoded path segments; refuses anything that could step outside the root (`..`, encoded
 * slashes or backslashes, NUL) instead of trying to make sense of it.
 */
export function safeSegments(rawPath: string): string[] {
  const out: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      throw new ServiceError('bad_request', 'The path is not valid percent-encoding.');
    }
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg) || seg.startsWith('.')) {
      throw new ServiceError('bad_request', 'Invalid path.');
    }
    out.push(seg);
  }
  return out;
}

async function existingFile(root: string, segments: readonly string[]): Promise<string | undefined> {
  const candidate = join(root, ...segments);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    // Resolve symlinks too: a link inside dist must not lead outside it.
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, relative: string): Promise<void> {
  const info = await stat(file);
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeFor(file));
  res.setHeader('Content-Length', info.size);
  res.setHeader('Cache-Control', cacheControlFor(relative));
  res.setHeader('Last-Modified', info.mtime.toUTCString());
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', resolve);
    stream.pipe(res);
  });
}

async function resolveRoot(root: string | undefined): Promise<string | undefined> {
  try {
    const dir = root ?? dirname(createRequire(import.meta.url).resolve('@deskside/console-ui/dist/index.html'));
    return await realpath(dir);
  } catch {
    return undefined;
  }
}
