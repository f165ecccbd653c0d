/** A site's appearance as stored; the hub parses `branding` with its schema on the way out. */
export interface SiteAppearanceRecord {
  siteId: string;
  branding: string;
  language: string | null;
  /** Content hash, set by the hub. */
  stamp: string;
  updatedAt: Date;
  /** Display name of who set it. */
  updatedBy: string;
}

export interface SiteAppearanceRepository {
  get(siteId: string): Promise<SiteAppearanceRecord | undefined>;
  /** Only the stamp (a small read: agents ask on every connect). */
  stamp(siteId: string): Promise<string | undefined>;
  /** Every site that has one. */
  list(): Promise<SiteAppearanceRecord[]>;
  /** Creates or replaces a site's appearance. */
  put(record: SiteAppearanceRecord): Promise<void>;
}

export interface SiteRepositories {
  readonly siteAppearance: SiteAppearanceRepository;
}
