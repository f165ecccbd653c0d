import { createUploadBudget } from '../uploads/upload-budget.js';
import { newId } from '@deskside/protocol';
import { openStore, type Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp.js';
import { createAuditService } from '../audit/audit-service.js';
import { silentLogger } from '../../log/logger.js';
import { createKb, type KbService } from './create-kb.js';
import { KbImageFiles } from './kb-images.js';

const admin = { userId: 'u-admin', role: 'admin' as const, siteIds: [] };

async function kbOn(dir: string): Promise<{ store: Store; kb: KbService }> {
  const store = await openStore({ dataDir: dir });
  const clock = () => new Date();
  await store.users.create({ id: admin.userId, username: 'admin', displayName: 'Ada Admin', role: 'admin', passwordHash: 'x', createdAt: new Date(), disabledAt: null });
  return { store, kb: createKb({ store, clock, audit: createAuditService({ store, clock, logger: silentLogger() }), newId: () => newId(), images: new KbImageFiles(dir), uploads: createUploadBudget(store.attempts) }) };
}

describe('knowledge base folder (Markdown + front matter)', () => {
  const a = tempDir();
  const b = tempDir();
  let one: { store: Store; kb: KbService };
  let two: { store: Store; kb: KbService };
  beforeEach(async () => {
    one = await kbOn(a.dir);
    two = await kbOn(b.dir);
  });
  afterEach(async () => {
    await one.store.close();
    await two.store.close();
    a.remove();
    b.remove();
  });

  it('round-trips: export, import into another hub, export again gives the same files; a re-import changes nothing', async () => {
    await one.kb.articles.create(admin, { title: 'Clear a paper jam: "tray 2"', body: '## Steps\n\n1. Open tray 2\n2. Pull *slowly*\n\n---\n\nStill stuck? Call IT.', category: 'Printing & scanning', tags: ['printer', 'jam'], audience: 'employees', status: 'published', siteIds: [], relatedIds: [], sourceTicketId: null });
    await one.kb.articles.create(admin, { title: 'Résumé: VPN internals', body: 'yes: no\n---\nnot front matter', category: 'Network', tags: [], audience: 'technicians', status: 'draft', siteIds: [], relatedIds: [], sourceTicketId: null });
    const files = await one.kb.exportFolder(admin);
    expect(files.map((f) => f.path)).toEqual([expect.stringMatching(/^network\/resume-vpn-internals--\w+\.md$/), expect.stringMatching(/^printing-scanning\/clear-a-paper-jam-tray-2--\w+\.md$/)]);
    expect(files[1]?.content).toMatch(/^---\nid: \w+\ntitle: 'Clear a paper jam: "tray 2"'\n/);
    expect(await two.kb.importFolder(admin, files)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await two.kb.exportFolder(admin)).toEqual(files);
    expect(await two.kb.importFolder(admin, files)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const edited = files.map((f) => (f.path.startsWith('network/') ? { ...f, content: f.content.replace('not front matter', 'edited in git') } : f));
    expect(await two.kb.importFolder(admin, edited)).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });

  it('refuses a file without front matter or with an invalid field, naming the file', async () => {
    await expect(one.kb.importFolder(admin, [{ path: 'x/a.md', content: '# no front matter' }])).rejects.toThrow(/x\/a\.md: no front matter/);
    await expect(one.kb.importFolder(admin, [{ path: 'x/b.md', content: '---\ntitle: T\naudience: everyone\nstatus: published\n---\nbody' }])).rejects.toThrow(/x\/b\.md: audience/);
  });
});
