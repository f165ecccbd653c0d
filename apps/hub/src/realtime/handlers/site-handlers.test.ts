import { EMPTY_BRANDING, newId, type SiteAppearanceSyncAck } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthenticatedUser } from '../../services/auth/session.js';
import { pngHeader } from '../../services/tickets/image-fixtures.js';
import { startHarness, until, type AgentClient, type Harness } from '../testing/harness.js';

let h: Harness;
let admin: AuthenticatedUser;
beforeEach(async () => {
  h = await startHarness();
  const userId = newId();
  await h.store.users.create({ id: userId, username: 'ada', displayName: 'Ada Admin', role: 'admin', passwordHash: 'x', createdAt: new Date(), disabledAt: null, tier: null, siteIds: [] });
  admin = { userId, role: 'admin', sessionId: newId(), tier: null, siteIds: [] };
});
afterEach(() => h.close());

const ask = async (agent: AgentClient, since: string | null): Promise<SiteAppearanceSyncAck> => {
  const ack = await agent.emitWithAck('site:appearance', { since });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
};

const LOGO = { mediaType: 'image/png' as const, dataBase64: pngHeader(200, 50).toString('base64') };

describe('site:appearance', () => {
  it('gives the defaults, then the new branding after the change notice, and nothing while the copy is current', async () => {
    const agent = await h.connectAgent(await h.enrollDevice());
    const first = await ask(agent, null);
    expect(first.appearance).toEqual({ branding: EMPTY_BRANDING, language: null });
    expect((await ask(agent, first.stamp)).appearance).toBeNull();

    let notices = 0;
    agent.on('site:appearance-changed', () => void notices++);
    const branding = { ...EMPTY_BRANDING, companyName: 'Acme', logo: LOGO, accentColor: '#1f4e8c', phone: '+33 1 23 45 67 89', openingHours: 'Mon–Fri 8:00–18:00' };
    const saved = await h.services.siteAppearance.set(admin, h.siteId, { branding, language: 'fr' });
    expect(saved).toMatchObject({ siteId: h.siteId, branding, language: 'fr', updatedBy: 'Ada Admin' });
    await until(() => notices === 1, 'the change notice');

    const next = await ask(agent, first.stamp);
    expect(next.stamp).not.toBe(first.stamp);
    expect(next.appearance).toEqual({ branding, language: 'fr' });
    expect((await ask(agent, next.stamp)).appearance).toBeNull();
  });

  it('tells only the agents of the changed site', async () => {
    const other = newId();
    await h.store.sites.create({ id: other, name: 'Lyon', createdAt: new Date() });
    const here = await h.connectAgent(await h.enrollDevice('PC-HERE'));
    let notices = 0;
    here.on('site:appearance-changed', () => void notices++);
    await h.services.siteAppearance.set(admin, other, { branding: { ...EMPTY_BRANDING, companyName: 'Lyon Co' }, language: 'de' });
    await h.services.siteAppearance.set(admin, h.siteId, { branding: EMPTY_BRANDING, language: 'es' });
    await until(() => notices === 1, 'the change notice of its own site');
    expect((await ask(here, null)).appearance?.language).toBe('es');
    expect(notices).toBe(1);
  });

  it('refuses a malformed request and keeps a scoped user out of other sites', async () => {
    const agent = await h.connectAgent(await h.enrollDevice());
    expect(await agent.emitWithAck('site:appearance', { since: 'x'.repeat(65) } as never)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const scoped: AuthenticatedUser = { ...admin, role: 'technician', siteIds: [newId()] };
    await expect(h.services.siteAppearance.get(scoped, h.siteId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.services.siteAppearance.set(scoped, h.siteId, { branding: EMPTY_BRANDING, language: null })).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.services.siteAppearance.get(admin, newId())).rejects.toMatchObject({ code: 'not_found' });
  });
});
