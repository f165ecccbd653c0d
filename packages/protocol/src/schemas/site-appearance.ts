import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { maybeText, text, Timestamp } from './common.js';

/** The languages the employee-facing texts exist in. */
export const EMPLOYEE_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export const EmployeeLanguageSchema = z.enum(EMPLOYEE_LANGUAGES);
export type EmployeeLanguage = z.infer<typeof EmployeeLanguageSchema>;

/** Caps on a site's branding: it travels to every agent of the site, so it stays small. */
export const BRANDING_LIMITS = {
  /** Largest logo file (decoded bytes). */
  logoBytes: 64 * 1024,
  /** Largest logo side in pixels; the tray shows it at 32 px high. */
  logoPixels: 1024,
  companyName: 80,
  phone: 40,
  openingHours: 200,
} as const;

/** Logos are raster images only: an SVG can carry script, these cannot. The hub sniffs the bytes. */
export const BrandingLogoSchema = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  dataBase64: z
    .string()
    .min(4)
    .max(Math.ceil(BRANDING_LIMITS.logoBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type BrandingLogo = z.infer<typeof BrandingLogoSchema>;

/** `#rrggbb`; the hub also checks that white text on it is readable (WCAG AA). */
export const AccentColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be #rrggbb');

/** No control characters (line breaks included) in a one-line branding field. */
const oneLine = (max: number) => text(max).regex(/^[^\p{Cc}]*$/u, 'must be one line of text').nullable();

/** How a site's employees see their help desk: name, logo, colour and how to reach it. */
export const SiteBrandingSchema = z.object({
  companyName: oneLine(BRANDING_LIMITS.companyName),
  logo: BrandingLogoSchema.nullable(),
  accentColor: AccentColorSchema.nullable(),
  phone: text(BRANDING_LIMITS.phone).regex(/^[0-9+()./\- ]*$/, 'digits, spaces and + ( ) . / - only').nullable(),
  email: z.email().max(254).nullable(),
  openingHours: oneLine(BRANDING_LIMITS.openingHours),
});
export type SiteBranding = z.infer<typeof SiteBrandingSchema>;

export const EMPTY_BRANDING: SiteBranding = { companyName: null, logo: null, accentColor: null, phone: null, email: null, openingHours: null };

/** What the agents of a site get: the branding and the default language of their tray. */
export const AgentSiteAppearanceSchema = z.object({
  branding: SiteBrandingSchema,
  /** The tray's language when the employee has not chosen one; `null`: follow the OS. */
  language: EmployeeLanguageSchema.nullable(),
});
export type AgentSiteAppearance = z.infer<typeof AgentSiteAppearanceSchema>;

/** `GET /api/v1/sites/:id/appearance`. */
export const SiteAppearanceSchema = AgentSiteAppearanceSchema.extend({
  siteId: IdSchema,
  /** `null`: never set (the defaults). */
  updatedAt: Timestamp.nullable(),
  updatedBy: maybeText(128),
});
export type SiteAppearance = z.infer<typeof SiteAppearanceSchema>;

/** `PUT /api/v1/sites/:id/appearance`: the whole appearance (null fields clear). */
export const SiteAppearanceUpdateSchema = z
  .object({ branding: SiteBrandingSchema.strict(), language: EmployeeLanguageSchema.nullable() })
  .strict();
export type SiteAppearanceUpdate = z.infer<typeof SiteAppearanceUpdateSchema>;

/** `site:appearance` (agent → hub, a read): the site's appearance, only when it changed since `since`. */
export const AgentSiteAppearanceRequestSchema = z.object({ since: text(64).nullable() });
export type AgentSiteAppearanceRequest = z.infer<typeof AgentSiteAppearanceRequestSchema>;
export const SiteAppearanceSyncAckSchema = z.object({
  /** Opaque: hand it back as `since`. */
  stamp: text(64),
  /** `null`: unchanged since `since`. */
  appearance: AgentSiteAppearanceSchema.nullable(),
});
export type SiteAppearanceSyncAck = z.infer<typeof SiteAppearanceSyncAckSchema>;
