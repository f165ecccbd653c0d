import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('hashes with scrypt N=2^15 r=8 p=1 and a fresh salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('s3cret-pässword');
    expect(await verifyPassword('s3cret-pässword', hash)).toBe(true);
    expect(await verifyPassword('s3cret-password', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats a malformed or abusive stored hash as a mismatch, not a crash', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==', 'scrypt$1073741824$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==', 'bcrypt$x$y$z$a$b']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
});
