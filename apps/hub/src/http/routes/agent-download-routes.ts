import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { InstallerDir } from '../../services/agent-installers/installer-dir.js';
import type { Route } from '../router.js';

/**
 * GET /api/v1/agent-installers (the Deploy page: what is there to download) and
 * GET /downloads/agent/:file (public: PCs fetch the installer in a deployment script; installers
 * hold no secret, the enrolment token travels separately).
 */
export function agentDownloadRoutes(installers: InstallerDir): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/agent-installers',
      permission: 'enroll-tokens.read',
      async handler() {
        return { json: { installers: await installers.list() } };
      },
    },
    {
      method: 'GET',
      path: '/downloads/agent/:file',
      public: true,
      async handler({ params }) {
        const found = await installers.find(params['file'] ?? '');
        if (!found) return { status: 404, json: { error: { code: 'not_found', message: 'No such installer on this hub.' } } };
        return {
          stream: async (res) => {
            res.writeHead(200, {
              'content-type': 'application/octet-stream',
              'content-length': String(found.size),
              'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(params['file'] ?? 'installer')}`,
              'x-content-type-options': 'nosniff',
              'cache-control': 'no-cache',
            });
            await pipeline(createReadStream(found.path), res);
          },
        };
      },
    },
  ];
}
