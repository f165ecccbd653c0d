import type { FixRequest } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { testSigner } from '../test-support/fix-signer.js';
import { verifyFixRequest, type VerifyContext } from './verify-request.js';

const NOW = Date.UTC(2026, 11, 7, 12);
const DEVICE = '01JF0000000000000000000001';
const hub = testSigner();
const request = (over: Partial<FixRequest> = {}): FixRequest => ({
  runId: '01JF00000000000000000000R1',
  deviceId: DEVICE,
  action: 'clear-temp-files',
  params: { olderThanDays: 1, emptyRecycleBin: false },
  ticketId: null,
  reason: 'Ticket #12: disk full',
  requestedBy: 'Tess Tech',
  origin: 'technician',
  consent: 'ask',
  issuedAt: new Date(NOW - 1000).toISOString(),
  expiresAt: new Date(NOW + 600_000).toISOString(),
  ...over,
});
const ctx = (over: Partial<VerifyContext> = {}): VerifyContext => {
  const seen = new Set<string>();
  return { pinnedKey: hub.publicKey, deviceId: DEVICE, now: NOW, firstUse: async (id) => !seen.has(id) && Boolean(seen.add(id)), ...over };
};

describe('verifyFixRequest', () => {
  it('accepts a request signed by the pinned key for this device, once', async () => {
    const c = ctx();
    const signed = hub.sign(request());
    expect(await verifyFixRequest(signed, c)).toMatchObject({ ok: true });
    expect(await verifyFixRequest(signed, c)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('refuses a forgery: another key, a tampered parameter, action, ticket or expiry', async () => {
    const other = testSigner();
    expect(await verifyFixRequest(other.sign(request()), ctx())).toMatchObject({ ok: false, reason: 'forged', runId: '01JF00000000000000000000R1' });
    const signed = hub.sign(request());
    for (const tampered of [
      { ...signed.request, params: { olderThanDays: 0, emptyRecycleBin: true } },
      { ...signed.request, action: 'reboot' as const, params: { delayMinutes: 0 } },
      { ...signed.request, ticketId: '01JF00000000000000000000T9' },
      { ...signed.request, expiresAt: new Date(NOW + 86_400_000).toISOString() },
    ]) {
      expect(await verifyFixRequest({ request: tampered, signature: signed.signature }, ctx())).toMatchObject({ ok: false, reason: 'forged' });
    }
  });

  it('refuses expired, future, wrong-device, unpinned, malformed and out-of-range requests', async () => {
    expect(await verifyFixRequest(hub.sign(request({ expiresAt: new Date(NOW - 1).toISOString() })), ctx())).toMatchObject({ ok: false, reason: 'expired' });
    expect(await verifyFixRequest(hub.sign(request({ issuedAt: new Date(NOW + 3_600_000).toISOString() })), ctx())).toMatchObject({ ok: false, reason: 'not-yet-valid' });
    expect(await verifyFixRequest(hub.sign(request({ deviceId: '01JF0000000000000000000002' })), ctx())).toMatchObject({ ok: false, reason: 'wrong-device' });
    expect(await verifyFixRequest(hub.sign(request()), ctx({ pinnedKey: null }))).toMatchObject({ ok: false, reason: 'not-pinned' });
    expect(await verifyFixRequest({ request: { action: 'rm -rf /' }, signature: 'x' }, ctx())).toMatchObject({ ok: false, reason: 'malformed', runId: null });
    // Even a genuinely signed request is refused when its parameters are outside the action's bounds.
    expect(await verifyFixRequest(hub.sign(request({ params: { olderThanDays: 9999, emptyRecycleBin: false } })), ctx())).toMatchObject({ ok: false, reason: 'bad-params' });
    expect(await verifyFixRequest(hub.sign(request({ action: 'restart-service', params: { service: '--force' } })), ctx())).toMatchObject({ ok: false, reason: 'bad-params' });
  });
});
