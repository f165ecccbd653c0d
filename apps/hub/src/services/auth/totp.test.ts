import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.js';

// RFC 6238 appendix B: the SHA-1 secret is ASCII "12345678901234567890"; 8-digit codes shown there,
// whose last 6 digits are the 6-digit codes.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('TOTP (RFC 6238, SHA-1, 30 s, 6 digits)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('matches the RFC test vector at T=%i', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it('accepts the previous, current and next step only', () => {
    const secret = newTotpSecret();
    const at = new Date('2025-03-01T12:00:10Z');
    const step = totpStep(at);
    expect(matchTotp(secret, totpCode(secret, step), at)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), at)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), at)).toBe(step + 1);
    const far = [step - 2, step + 2].map((s) => totpCode(secret, s)).filter((c) => ![step - 1, step, step + 1].some((s) => totpCode(secret, s) === c));
    for (const code of far) expect(matchTotp(secret, code, at)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', at)).toBeUndefined();
    expect(matchTotp(secret, '1234567', at)).toBeUndefined();
  });

  it('round-trips base32 and builds an otpauth URI apps accept', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    const uri = new URL(otpauthUri(secret, 'alice'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('Deskside:alice');
  });
});
