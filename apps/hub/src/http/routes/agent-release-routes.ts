import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { IdSchema, RegisterAgentReleaseRequestSchema, UpdateReleaseRolloutRequestSchema, type AgentReleaseListResponse } from '@deskside/protocol';
import { isFeedFile } from '../../services/agent-releases/feed-yaml.js';
import type { ReleaseService } from '../../services/agent-releases/release-service.js';
import type { UpdateFiles } from '../../services/agent-releases/update-files.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

const NOT_FOUND = { status: 404, json: { error: { code: 'not_found', message: 'No such file on this hub.' } } };

/**
 * Agent releases (#17): the admin's Releases page (register signed metadata, upload files, roll
 * out, pause, withdraw) and the public side PCs update from: the files, and electron-updater's
 * channel file per release (`/agent-updates/releases/:id/latest.yml`).
 */
export function agentReleaseRoutes(releases: ReleaseService, files: UpdateFiles): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/agent-releases',
      permission: 'releases.read',
      handler: async () => ({ json: (await releases.list()) satisfies AgentReleaseListResponse }),
    },
    {
      method: 'POST',
      path: '/api/v1/agent-releases',
      permission: 'releases.write',
      async handler(ctx) {
        const body = parseWith(RegisterAgentReleaseRequestSchema, await readJsonBody(ctx.req), 'release');
        return { status: 201, json: await releases.register(requireUser(ctx), body) };
      },
    },
    {
      method: 'PATCH',
      path: '/api/v1/agent-releases/:id',
      permission: 'releases.write',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'release id');
        const body = parseWith(UpdateReleaseRolloutRequestSchema, await readJsonBody(ctx.req), 'rollout');
        return { json: await releases.updateRollout(requireUser(ctx), id, body) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/agent-update-files',
      permission: 'releases.read',
      handler: async () => ({ json: { files: await files.list() } }),
    },
    {
      method: 'PUT',
      path: '/api/v1/agent-update-files/:file',
      permission: 'releases.write',
      // The raw bytes (application/octet-stream): hashed while written, so the answer is what the manifest needs.
      handler: async (ctx) => ({ status: 201, json: await files.save(ctx.params['file'] ?? '', ctx.req) }),
    },
    {
      method: 'GET',
      path: '/agent-updates/files/:file',
      public: true,
      async handler({ params }) {
        const found = await files.find(params['file'] ?? '');
        if (!found) return NOT_FOUND;
        return {
          stream: async (res) => {
            res.writeHead(200, {
              'content-type': 'application/octet-stream',
              'content-length': String(found.size),
              'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(params['file'] ?? 'update')}`,
              'x-content-type-options': 'nosniff',
              // A name is never reused for other bytes (uploads refuse to replace a file).
              'cache-control': 'public, max-age=86400, immutable',
            });
            await pipeline(createReadStream(found.path), res);
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/agent-updates/releases/:id/:feed',
      public: true,
      async handler({ params, query }) {
        const id = IdSchema.safeParse(params['id']);
        const feed = params['feed'] ?? '';
        if (!id.success || !isFeedFile(feed)) return NOT_FOUND;
        const text = await releases.feed(id.data, feed, query.get('arch') === 'arm64' ? 'arm64' : 'x64');
        return text === null ? NOT_FOUND : { text, contentType: 'text/yaml; charset=utf-8' };
      },
    },
  ];
}
