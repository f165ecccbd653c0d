import type { EpochMs } from '../schema.js';

/** A site's tray branding and default language (migration 0021); no row: the defaults. */
export interface SiteAppearanceTable {
  site_id: string;
  /** JSON: company name, logo (base64, ≤ 64 KB), accent colour, contacts; validated by the hub. */
  branding: string;
  language: string | null;
  /** A hash of branding + language, so an agent's "changed since?" is answered without reading the logo. */
  stamp: string;
  updated_at: EpochMs;
  updated_by: string;
}

export interface SiteTables {
  site_appearance: SiteAppearanceTable;
}
