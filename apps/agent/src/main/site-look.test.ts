import { EMPTY_BRANDING } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { siteLookOf } from './site-look.js';

describe('siteLookOf', () => {
  it('turns the logo into a data URL and keeps the rest', () => {
    const look = siteLookOf({
      branding: { ...EMPTY_BRANDING, companyName: 'Acme', logo: { mediaType: 'image/webp', dataBase64: 'UklGRg==' }, email: 'help@acme.test' },
      language: 'fr',
    });
    expect(look).toEqual({
      branding: { companyName: 'Acme', logoDataUrl: 'data:image/webp;base64,UklGRg==', accentColor: null, phone: null, email: 'help@acme.test', openingHours: null },
      language: 'fr',
    });
  });

  it('has no branding when the site set none, but still its language', () => {
    expect(siteLookOf({ branding: EMPTY_BRANDING, language: 'de' })).toEqual({ branding: null, language: 'de' });
    expect(siteLookOf(null)).toBeNull();
  });
});
