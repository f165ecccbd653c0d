import { ArticleCreateSchema, ArticleFeedbackSchema, ArticleListQuerySchema, ArticleUpdateSchema, IdSchema, KbFolderSchema, KbReportQuerySchema } from '@deskside/protocol';
import type { KbService } from '../../services/kb/create-kb.js';
import { MAX_ATTACHMENT_BYTES } from '../../services/tickets/attachments.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith, queryObject } from '../validate.js';
import { kbTicketRoutes } from './kb-ticket-routes.js';

/** `/api/v1/kb/…`: articles (list/search, read, write, versions, feedback, images) and the report. */
export function kbRoutes(kb: KbService): Route[] {
  const idOf = (ctx: RouteContext, name = 'id') => parseWith(IdSchema, ctx.params[name], 'article id');
  const a = kb.articles;
  return [
    {
      method: 'GET',
      path: '/api/v1/kb/articles',
      permission: 'kb.read',
      async handler(ctx) {
        const query = parseWith(ArticleListQuerySchema, queryObject(ctx.query), 'query');
        return { json: { articles: await a.list(requireUser(ctx), query) } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/kb/articles',
      permission: 'kb.write',
      async handler(ctx) {
        const body = parseWith(ArticleCreateSchema, await readJsonBody(ctx.req), 'article');
        return { status: 201, json: await a.create(requireUser(ctx), body) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/kb/articles/:id',
      permission: 'kb.read',
      handler: async (ctx) => ({ json: await a.get(requireUser(ctx), idOf(ctx)) }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/kb/articles/:id',
      permission: 'kb.write',
      async handler(ctx) {
        const body = parseWith(ArticleUpdateSchema, await readJsonBody(ctx.req), 'article change');
        return { json: await a.update(requireUser(ctx), idOf(ctx), body) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/kb/articles/:id/versions',
      permission: 'kb.read',
      handler: async (ctx) => ({ json: { versions: await a.versions(requireUser(ctx), idOf(ctx)) } }),
    },
    {
      method: 'POST',
      path: '/api/v1/kb/articles/:id/feedback',
      permission: 'kb.write',
      async handler(ctx) {
        const body = parseWith(ArticleFeedbackSchema, await readJsonBody(ctx.req), 'feedback');
        return { json: await a.feedback(requireUser(ctx), idOf(ctx), body) };
      },
    },
    {
      // The image's bytes as the body (any image Content-Type); the hub sniffs what they really are.
      method: 'POST',
      path: '/api/v1/kb/articles/:id/attachments',
      permission: 'kb.write',
      async handler(ctx) {
        const id = idOf(ctx);
        const bytes = await readImageBody(ctx);
        return { status: 201, json: await a.addImage(requireUser(ctx), id, bytes) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/kb/articles/:id/attachments/:attachmentId',
      permission: 'kb.read',
      async handler(ctx) {
        const { meta, bytes } = await a.image(requireUser(ctx), idOf(ctx), idOf(ctx, 'attachmentId'));
        return {
          async stream(res) {
            res.statusCode = 200;
            res.setHeader('Content-Type', meta.mediaType);
            res.setHeader('Content-Length', bytes.length);
            res.setHeader('X-Content-Type-Options', 'nosniff');
            res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
            res.setHeader('Cache-Control', 'private, max-age=3600');
            await new Promise<void>((resolve) => res.end(bytes, resolve));
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/kb/report',
      permission: 'reports.read',
      async handler(ctx) {
        const query = parseWith(KbReportQuerySchema, queryObject(ctx.query), 'query');
        return { json: await kb.report(requireUser(ctx), query) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/kb/export',
      permission: 'kb.read',
      handler: async (ctx) => ({ json: { files: await kb.exportFolder(requireUser(ctx)) } }),
    },
    {
      method: 'POST',
      path: '/api/v1/kb/import',
      permission: 'kb.write',
      async handler(ctx) {
        const body = parseWith(KbFolderSchema, await readJsonBody(ctx.req), 'folder');
        return { json: await kb.importFolder(requireUser(ctx), body.files) };
      },
    },
    ...kbTicketRoutes(kb),
  ];
}

async function readImageBody(ctx: RouteContext): Promise<Buffer> {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type.startsWith('image/')) throw new ServiceError('bad_request', 'Send the image bytes as the body with an image Content-Type.');
  const declared = Number(ctx.req.headers['content-length'] ?? NaN);
  const tooLarge = () => new ServiceError('payload_too_large', `The image is larger than ${MAX_ATTACHMENT_BYTES} bytes.`);
  if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ATTACHMENT_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
