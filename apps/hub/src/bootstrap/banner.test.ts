import { describe, expect, it } from 'vitest';
import { formatBanner } from './banner.js';

describe('formatBanner', () => {
  it('shows a generated enrolment token once, for the person who started the hub', () => {
    const text = formatBanner('http://127.0.0.1:4800', 4800, { firstStart: true, adminPassword: 'generated-pass', enrollToken: 'generated-token-123' });
    expect(text).toContain('generated-token-123');
    expect(text).toContain('generated-pass');
    expect(text).toMatch(/DESKSIDE_READY \{"url":"http:\/\/127\.0\.0\.1:4800","port":4800\}/);
  });

  it('after the first start, says where the secrets went and how to get new ones', () => {
    const text = formatBanner('http://127.0.0.1:4800', 4800, { firstStart: false });
    expect(text).toContain('deskside-hub rotate-secrets --admin-password');
    expect(text).toContain('deskside-hub rotate-secrets --enroll-token');
    expect(text).not.toContain('shown this once');
    expect(formatBanner('http://127.0.0.1:4800', 4800, { firstStart: true, adminPassword: 'p', enrollToken: 't0123456' })).toContain('shown this once');
  });

  it('never echoes a token the operator set in DESKSIDE_ENROLL_TOKEN (stdout of a service is a log)', () => {
    const text = formatBanner('http://127.0.0.1:4800', 4800, { firstStart: false, enrollToken: 'operator-secret-token' }, { enrollTokenFromEnv: true });
    expect(text).not.toContain('operator-secret-token');
    expect(text).toContain('DESKSIDE_ENROLL_TOKEN');
  });

  it('prints the TLS certificate fingerprint agents pin, with the enrolment command that uses it', () => {
    const fp = 'AB:'.repeat(31) + 'CD';
    const text = formatBanner('https://hub.example:4800', 4800, { firstStart: false }, { tlsFingerprint: fp });
    expect(text).toContain(`SHA-256 ${fp}`);
    expect(text).toContain(`--hub-fingerprint ${fp}`);
    expect(formatBanner('http://127.0.0.1:4800', 4800, { firstStart: false })).not.toContain('--hub-fingerprint');
  });
});
