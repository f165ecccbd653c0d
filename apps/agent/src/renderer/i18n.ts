import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppearanceView, Language } from '../common/bridge-api.js';
import { MESSAGES, pickLanguage } from '../common/locales/index.js';

/**
 * One i18next instance per window, with every language bundled (they are small, and a tray
 * window must work offline). React escapes what it renders, so i18next does not escape again.
 */
export function createI18n(language: Language): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([lng, translation]) => [lng, { translation }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** The employee's choice, else the help desk's default for the site, else the browser's/OS's. */
export const languageOf = (view: AppearanceView | null): Language =>
  pickLanguage(view?.languageChoice ?? null, view?.siteLanguage ?? null, navigator.languages);

/**
 * The locale for dates and numbers: the browser's/OS's own tag when it is of the language spoken
 * ("en-GB" for English, so 07/12/2026 and 24-hour time), else the language itself.
 */
export function localeFor(language: string, preferred: readonly string[] = navigator.languages): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}
