import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text } from './common.js';

export const RoleSchema = z.enum(['admin', 'technician', 'auditor']);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  username: text(64),
  displayName: text(128),
  role: RoleSchema,
});
export type User = z.infer<typeof UserSchema>;

/** `POST /api/v1/login` body. */
export const LoginRequestSchema = z.object({
  username: text(64).min(1),
  password: text(1024).min(1),
  /** The authenticator code, for accounts with TOTP; without it such a login answers `totp_required`. */
  totp: z.string().regex(/^\d{6}$/).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** `POST /api/v1/login` answer. The token goes in `Authorization: Bearer` and the console handshake. */
export const LoginResponseSchema = z.object({
  token: text(128),
  user: UserSchema,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
