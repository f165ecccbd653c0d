import { BRANDING_LIMITS, type BrandingLogo, type SiteBranding } from '@deskside/protocol';
import { sniffImage } from '../tickets/image-sniff.js';
import { ServiceError } from '../service-error.js';

/** WCAG AA for normal text: the tray puts white text on the accent colour (buttons, header). */
export const MIN_ACCENT_CONTRAST = 4.5;

/**
 * What the schema cannot check: the logo really is the small PNG/JPEG/WebP it claims (sniffed from
 * its bytes, re-encoded so only canonical base64 is kept), and white text stays readable on the
 * accent colour. Text fields are trimmed; empty ones become null.
 */
export function checkBranding(branding: SiteBranding): SiteBranding {
  return {
    companyName: tidy(branding.companyName),
    logo: branding.logo ? checkLogo(branding.logo) : null,
    accentColor: branding.accentColor ? checkAccent(branding.accentColor) : null,
    phone: tidy(branding.phone),
    email: tidy(branding.email),
    openingHours: tidy(branding.openingHours),
  };
}

export function checkLogo(logo: BrandingLogo): BrandingLogo {
  const bytes = Buffer.from(logo.dataBase64, 'base64');
  if (bytes.length > BRANDING_LIMITS.logoBytes) throw new ServiceError('payload_too_large', `The logo must be at most ${BRANDING_LIMITS.logoBytes / 1024} KB.`);
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) throw new ServiceError('invalid_payload', `The logo must be a PNG, JPEG or WebP image (${sniffed.reason}).`);
  if (sniffed.image.mediaType !== logo.mediaType) throw new ServiceError('invalid_payload', `The logo is a ${sniffed.image.mediaType}, not the ${logo.mediaType} it claims.`);
  const { width, height } = sniffed.image;
  if (width > BRANDING_LIMITS.logoPixels || height > BRANDING_LIMITS.logoPixels) {
    throw new ServiceError('invalid_payload', `The logo must be at most ${BRANDING_LIMITS.logoPixels} pixels per side.`);
  }
  return { mediaType: sniffed.image.mediaType, dataBase64: bytes.toString('base64') };
}

export function checkAccent(color: string): string {
  const ratio = contrastWithWhite(color);
  if (ratio < MIN_ACCENT_CONTRAST) {
    throw new ServiceError('invalid_payload', `White text on ${color} is hard to read (contrast ${ratio.toFixed(1)}:1, needs ${MIN_ACCENT_CONTRAST}:1); choose a darker colour.`);
  }
  return color.toLowerCase();
}

/** WCAG 2 contrast ratio of white against `#rrggbb`. */
export function contrastWithWhite(color: string): number {
  const channel = (i: number): number => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

function tidy(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
