import type { AgentSiteAppearance } from '@deskside/protocol';
import type { BrandingView } from '../common/bridge-api.js';
import type { SiteLook } from './appearance.js';

/** The slice of agent-core's SiteAppearanceCache the tray reads. */
export interface SiteAppearancePort {
  current(): AgentSiteAppearance | null;
  load(): Promise<void>;
  onChange(listener: (appearance: AgentSiteAppearance | null) => void): () => void;
}

/**
 * The hub's site appearance as the windows take it: the logo as a data URL (the hub sniffed it
 * as PNG/JPEG/WebP; the media type is the schema's closed list, so no other URL can come out),
 * and no branding at all when the site set none.
 */
export function siteLookOf(appearance: AgentSiteAppearance | null): SiteLook | null {
  if (!appearance) return null;
  const { logo, ...text } = appearance.branding;
  const branding: BrandingView = {
    ...text,
    logoDataUrl: logo ? `data:${logo.mediaType};base64,${logo.dataBase64}` : null,
  };
  const empty = Object.values(branding).every((value) => value === null);
  return { branding: empty ? null : branding, language: appearance.language };
}
