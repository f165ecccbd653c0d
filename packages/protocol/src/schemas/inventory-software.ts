import { z } from 'zod';
import { list, maybeText, text, Timestamp } from './common.js';

// Software-side sections: installed software, services, start-up items, users, security posture.

/** Most entries a software list may carry (a developer workstation has ~3,000; 10,000 bounds a hostile agent). */
export const MAX_SOFTWARE = 10_000;
export const MAX_SERVICES = 2_000;
export const MAX_STARTUP_ITEMS = 512;
export const MAX_ACCOUNTS = 512;

export const SoftwareSourceSchema = z.enum([
  'registry',
  'registry-wow64',
  'registry-user',
  'applications',
  'dpkg',
  'rpm',
  'flatpak',
  'snap',
  'other',
]);
export type SoftwareSource = z.infer<typeof SoftwareSourceSchema>;

/** One installed product. Identity for change history is (name, publisher); version is what changes. */
export const SoftwareSchema = z.object({
  name: text(),
  version: maybeText(128),
  publisher: maybeText(),
  /** YYYY-MM-DD when the source says; a date only, so the document stays stable. */
  installDate: maybeText(32),
  source: SoftwareSourceSchema,
  arch: maybeText(32),
});
export type Software = z.infer<typeof SoftwareSchema>;

export const ServiceSchema = z.object({
  name: text(),
  displayName: maybeText(),
  state: z.enum(['running', 'stopped', 'paused', 'starting', 'stopping', 'failed', 'unknown']),
  startMode: z.enum(['auto', 'manual', 'disabled', 'boot', 'system', 'unknown']),
});
export type Service = z.infer<typeof ServiceSchema>;

export const StartupItemSchema = z.object({
  name: text(),
  command: maybeText(1024),
  /** Where it is registered: "HKLM\…\Run", "LaunchAgents", "~/.config/autostart", "systemd". */
  location: maybeText(),
  user: maybeText(),
});
export type StartupItem = z.infer<typeof StartupItemSchema>;

export const LoggedInUserSchema = z.object({
  name: text(),
  /** tty, RDP session, console… */
  session: maybeText(64),
  since: Timestamp.nullable(),
});

export const LocalAccountSchema = z.object({
  name: text(),
  fullName: maybeText(),
  admin: z.boolean().nullable(),
  disabled: z.boolean().nullable(),
});
export type LocalAccount = z.infer<typeof LocalAccountSchema>;

export const UsersSectionSchema = z.object({
  loggedIn: list(LoggedInUserSchema, 64),
  local: list(LocalAccountSchema, MAX_ACCOUNTS),
});
export type UsersSection = z.infer<typeof UsersSectionSchema>;

export const AntivirusSchema = z.object({
  name: text(),
  enabled: z.boolean().nullable(),
  upToDate: z.boolean().nullable(),
  /**
   * Definitions (signatures) version as the product reports it (`5287` for XProtect). Optional:
   * absent from agents older than this field and from products whose source does not say; null
   * when the probe could not read it. Moves daily, so it is not part of change history.
   */
  definitionsVersion: maybeText(128).optional(),
  /** When the definitions were last updated, only where the source says so (never guessed from a file time). */
  definitionsUpdatedAt: Timestamp.nullable().optional(),
});
export type Antivirus = z.infer<typeof AntivirusSchema>;

export const FirewallProfileSchema = z.object({ name: text(64), enabled: z.boolean().nullable() });

/** Security posture: each part null when its probe could not answer (the reason is in `probes`). */
export const SecuritySectionSchema = z.object({
  antivirus: list(AntivirusSchema, 16).nullable(),
  /** On when every profile the OS has is on; null unknown. */
  firewallEnabled: z.boolean().nullable(),
  firewallProfiles: list(FirewallProfileSchema, 8),
  /** BitLocker / FileVault / LUKS on the system volume. */
  diskEncryption: z.enum(['bitlocker', 'filevault', 'luks', 'none']).nullable(),
  systemVolumeEncrypted: z.boolean().nullable(),
  pendingUpdates: z.number().int().nonnegative().max(100_000).nullable(),
  rebootPending: z.boolean().nullable(),
});
export type SecuritySection = z.infer<typeof SecuritySectionSchema>;

export const SoftwareListSchema = list(SoftwareSchema, MAX_SOFTWARE);
export const ServiceListSchema = list(ServiceSchema, MAX_SERVICES);
export const StartupListSchema = list(StartupItemSchema, MAX_STARTUP_ITEMS);
