import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_BRANDING, type AgentSiteAppearance, type AgentSiteAppearanceRequest } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import { silentLogger } from '../util/logger.js';
import { SITE_APPEARANCE_FILE, SiteAppearanceCache } from './site-appearance-cache.js';

const ACME: AgentSiteAppearance = { branding: { ...EMPTY_BRANDING, companyName: 'Acme', accentColor: '#1f4e8c' }, language: 'de' };

/** Answers `site:appearance` the way the hub does: the appearance only when the stamp moved. */
function hubAnswering(state: { stamp: string; appearance: AgentSiteAppearance; asked: AgentSiteAppearanceRequest[] }): Pick<HubConnection, 'send'> {
  return {
    send: (async (_event: string, payload: AgentSiteAppearanceRequest) => {
      state.asked.push(payload);
      return { ok: true, data: { stamp: state.stamp, appearance: payload.since === state.stamp ? null : state.appearance } };
    }) as HubConnection['send'],
  };
}

describe('SiteAppearanceCache', () => {
  it('keeps what the hub gives, asks with its stamp, and is branded again after a restart', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'site-look-'));
    const hub = { stamp: 's1', appearance: ACME, asked: [] as AgentSiteAppearanceRequest[] };
    const cache = new SiteAppearanceCache({ stateDir, logger: silentLogger });
    const seen: Array<AgentSiteAppearance | null> = [];
    cache.onChange((a) => seen.push(a));

    await cache.refresh(hubAnswering(hub), 1000);
    await cache.refresh(hubAnswering(hub), 1000);
    expect(hub.asked).toEqual([{ since: null }, { since: 's1' }]);
    expect(cache.current()).toEqual(ACME);
    expect(seen).toEqual([ACME]);

    const restarted = new SiteAppearanceCache({ stateDir, logger: silentLogger });
    await restarted.load();
    expect(restarted.current()).toEqual(ACME);
    hub.stamp = 's2';
    hub.appearance = { ...ACME, language: null };
    await restarted.refresh(hubAnswering(hub), 1000);
    expect(hub.asked.at(-1)).toEqual({ since: 's1' });
    expect(restarted.current()?.language).toBeNull();
  });

  it('ignores a damaged copy and a failed answer', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'site-look-'));
    await writeFile(join(stateDir, SITE_APPEARANCE_FILE), '{"v":1,"stamp":"s","appearance":{"branding":{"logo":"<svg>"}}}');
    const cache = new SiteAppearanceCache({ stateDir, logger: silentLogger });
    await cache.load();
    expect(cache.current()).toBeNull();
    const failing = { send: (async () => ({ ok: false, error: { code: 'unknown_event', message: 'old hub' } })) as unknown as HubConnection['send'] };
    await cache.refresh(failing, 1000);
    expect(cache.current()).toBeNull();
    expect(await readFile(join(stateDir, SITE_APPEARANCE_FILE), 'utf8')).toContain('<svg>');
  });
});
