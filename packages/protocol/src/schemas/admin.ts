import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { RoleSchema } from './auth.js';
import { text, Timestamp } from './common.js';

// Identity and access administration: users, sites, enrolment tokens, sessions, TOTP, audit.
// Every list answers an object keyed by the plural, like the rest of the API.

/** Technician tier: 1 (first line) to 3 (specialist). Only technicians have one. */
export const TechnicianTierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type TechnicianTier = z.infer<typeof TechnicianTierSchema>;

/** A user as admins see it. Never carries a password hash or a TOTP secret. */
export const AdminUserSchema = z.object({
  id: IdSchema,
  username: text(64),
  displayName: text(128),
  role: RoleSchema,
  tier: TechnicianTierSchema.nullable(),
  /** Sites this user may see; empty means every site. */
  siteIds: z.array(IdSchema).max(256),
  totpEnabled: z.boolean(),
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const UserListResponseSchema = z.object({ users: z.array(AdminUserSchema) });
export type UserListResponse = z.infer<typeof UserListResponseSchema>;

/**
 * Someone a ticket can be assigned to (`GET /api/v1/technicians`): just enough to pick a name, so
 * technicians can assign to colleagues without reading the user administration.
 */
export const TechnicianSchema = z.object({
  id: IdSchema,
  username: text(64),
  displayName: text(128),
  role: z.enum(['admin', 'technician']),
  tier: TechnicianTierSchema.nullable(),
});
export type Technician = z.infer<typeof TechnicianSchema>;

export const TechnicianListResponseSchema = z.object({ technicians: z.array(TechnicianSchema) });
export type TechnicianListResponse = z.infer<typeof TechnicianListResponseSchema>;

const Username = text(64).regex(/^[A-Za-z0-9._-]{2,64}$/, 'letters, digits, dot, dash and underscore, 2 to 64');
/** At least 12 characters: long beats complex. */
const NewPassword = text(1024).min(12, 'at least 12 characters');

/** `POST /api/v1/users`. */
export const CreateUserRequestSchema = z
  .object({
    username: Username,
    displayName: text(128).min(1),
    password: NewPassword,
    role: RoleSchema,
    tier: TechnicianTierSchema.optional(),
    siteIds: z.array(IdSchema).max(256).optional(),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/** `PATCH /api/v1/users/:id`: any subset; `password` resets it (and ends the user's sessions). */
export const UpdateUserRequestSchema = z
  .object({
    displayName: text(128).min(1).optional(),
    role: RoleSchema.optional(),
    tier: TechnicianTierSchema.nullable().optional(),
    siteIds: z.array(IdSchema).max(256).optional(),
    disabled: z.boolean().optional(),
    password: NewPassword.optional(),
    /** Removes the account's second factor (a lost phone); the user enrols again from My account. */
    resetSecondFactor: z.literal(true).optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

/** A site (client company or office). */
export const SiteSchema = z.object({ id: IdSchema, name: text(128), createdAt: Timestamp });
export type Site = z.infer<typeof SiteSchema>;
export const SiteListResponseSchema = z.object({ sites: z.array(SiteSchema) });
export type SiteListResponse = z.infer<typeof SiteListResponseSchema>;
export const CreateSiteRequestSchema = z.object({ name: text(128).min(1) }).strict();
export type CreateSiteRequest = z.infer<typeof CreateSiteRequestSchema>;

/** An enrolment token as listed: never the token itself (only its hash is stored). */
export const EnrollTokenSchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  label: text(128),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  maxUses: z.number().int().positive().nullable(),
  uses: z.number().int().nonnegative(),
  revokedAt: Timestamp.nullable(),
});
export type EnrollToken = z.infer<typeof EnrollTokenSchema>;
export const EnrollTokenListResponseSchema = z.object({ enrollTokens: z.array(EnrollTokenSchema) });
export type EnrollTokenListResponse = z.infer<typeof EnrollTokenListResponseSchema>;

/** `POST /api/v1/enroll-tokens`. */
export const CreateEnrollTokenRequestSchema = z
  .object({
    siteId: IdSchema,
    label: text(128).min(1),
    /** Lifetime from now; omitted = no expiry. At most a year. */
    expiresInHours: z.number().int().min(1).max(24 * 366).optional(),
    maxUses: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type CreateEnrollTokenRequest = z.infer<typeof CreateEnrollTokenRequestSchema>;

/** Answer to the creation: the plaintext token, shown this once. */
export const CreatedEnrollTokenSchema = z.object({ enrollToken: EnrollTokenSchema, token: text(256) });
export type CreatedEnrollToken = z.infer<typeof CreatedEnrollTokenSchema>;

/** A console session, as its owner (or an admin) sees it. */
export const SessionInfoSchema = z.object({
  id: IdSchema,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  /** The session this request is made with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListResponseSchema = z.object({ sessions: z.array(SessionInfoSchema) });
export type SessionListResponse = z.infer<typeof SessionListResponseSchema>;

/** `POST /api/v1/me/totp`: enrolment begins; the secret is shown this once. */
export const TotpEnrollmentSchema = z.object({ secret: text(64), otpauthUri: text(512) });
export type TotpEnrollment = z.infer<typeof TotpEnrollmentSchema>;

/** A 6-digit code from an authenticator app. */
export const TotpCodeSchema = z.string().regex(/^\d{6}$/, 'six digits');
/** `POST /api/v1/me/totp/confirm` and `DELETE /api/v1/me/totp`. */
export const TotpConfirmRequestSchema = z.object({ code: TotpCodeSchema }).strict();
export type TotpConfirmRequest = z.infer<typeof TotpConfirmRequestSchema>;

/** `GET /api/v1/me`: who is signed in, with the fields the console needs to decide what to show. */
export const MeResponseSchema = z.object({ user: AdminUserSchema, sessionId: IdSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** A device waiting for a technician (duplicate machine id), or any device state change answer. */
export const DeviceApprovalSchema = z.enum(['active', 'pending-approval']);
export type DeviceApproval = z.infer<typeof DeviceApprovalSchema>;

export const PendingDeviceSchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  hostname: text(255),
  machineId: text(128),
  enrolledAt: Timestamp,
  /** Active devices that share the machine id (why it waits). */
  twinIds: z.array(IdSchema).max(64),
});
export type PendingDevice = z.infer<typeof PendingDeviceSchema>;
export const PendingDeviceListResponseSchema = z.object({ devices: z.array(PendingDeviceSchema) });
export type PendingDeviceListResponse = z.infer<typeof PendingDeviceListResponseSchema>;

/** One row of the append-only, hash-chained audit log. */
export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: Timestamp,
  /** User id, or `system` / `anonymous`. */
  actorId: text(64),
  actorName: text(128),
  action: text(64),
  target: text(256),
  details: z.record(z.string(), z.unknown()),
  hash: text(64),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListResponseSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

/** `GET /api/v1/audit?limit=&before=`: newest first; `before` is a `seq`. */
export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
