import { createInstance, type TFunction } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { de } from './de/index.js';
import { en } from './en/index.js';
import { localeFor, pickLanguage, supportedLanguage, type Language } from './languages.js';

export { LANGUAGES, LANGUAGE_NAMES, type Language } from './languages.js';

const CHOICE_KEY = 'deskside.console.language';

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));

function storedChoice(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

/**
 * The console's one i18next instance (one per browser tab), every language bundled: they are
 * small and the console must not wait on a second request to show its first word. React escapes
 * what it renders, so i18next does not escape again.
 */
export const i18n = createInstance();
void i18n.use(initReactI18next).init({
  lng: pickLanguage(storedChoice(), browserLanguages()),
  fallbackLng: 'en',
  resources: { en: { translation: en }, de: { translation: de } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** `t` for code outside React (formatters, module constants resolved at call time). */
export const t: TFunction = i18n.t.bind(i18n);

/** `t` in a component; the component re-renders when the language changes. */
export function useT(): TFunction {
  return useTranslation().t;
}

/** The language on screen. */
export function currentLanguage(): Language {
  return supportedLanguage(i18n.language) ?? 'en';
}

/** The locale for Intl formatters (dates, numbers, sorting). */
export function currentLocale(): string {
  return localeFor(currentLanguage(), browserLanguages());
}

/** The technician's choice (`null`: follow the browser), remembered in this browser. */
export function chooseLanguage(choice: Language | null): void {
  try {
    if (choice === null) localStorage.removeItem(CHOICE_KEY);
    else localStorage.setItem(CHOICE_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this tab only.
  }
  void i18n.changeLanguage(pickLanguage(choice, browserLanguages()));
}

/** The stored choice, for the picker (`null`: browser default). */
export function languageChoice(): Language | null {
  return supportedLanguage(storedChoice());
}

/** The language on screen, in a component (re-renders on change). */
export function useLanguage(): Language {
  return supportedLanguage(useTranslation().i18n.language) ?? 'en';
}
