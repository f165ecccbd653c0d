import { newId } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { ringsReach, rolloutBucket } from './rollout-rings.js';

const devices = Array.from({ length: 2000 }, () => ({ id: newId(), siteId: 'site-a', groupIds: [] as string[] }));

describe('rollout rings', () => {
  it('reaches about the stated share, and raising the percentage only adds devices', () => {
    const release = { id: newId(), pilotGroupIds: [], siteIds: [] };
    let before = new Set<string>();
    for (const percent of [0, 5, 25, 50, 100]) {
      const reached = new Set(devices.filter((d) => ringsReach({ ...release, percent }, d)).map((d) => d.id));
      for (const id of before) expect(reached.has(id)).toBe(true);
      expect(Math.abs(reached.size / devices.length - percent / 100)).toBeLessThan(0.05);
      before = reached;
    }
  });

  it('samples each release differently', () => {
    const [a, b] = [newId(), newId()];
    const first = devices.filter((d) => rolloutBucket(a, d.id) < 10).map((d) => d.id);
    const second = new Set(devices.filter((d) => rolloutBucket(b, d.id) < 10).map((d) => d.id));
    expect(first.filter((id) => second.has(id)).length).toBeLessThan(first.length / 2);
  });

  it('puts pilot groups first and keeps every ring within its sites', () => {
    const release = { id: newId(), pilotGroupIds: ['pilot'], percent: 0, siteIds: ['site-a'] };
    expect(ringsReach(release, { id: newId(), siteId: 'site-a', groupIds: ['pilot'] })).toBe(true);
    expect(ringsReach(release, { id: newId(), siteId: 'site-b', groupIds: ['pilot'] })).toBe(false);
    expect(devices.some((d) => ringsReach(release, d))).toBe(false);
    expect(devices.some((d) => ringsReach({ ...release, percent: 100, siteIds: ['site-b'] }, d))).toBe(false);
  });
});
