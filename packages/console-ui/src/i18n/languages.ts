/** The languages the console speaks; English is the fallback for anything else. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own name, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** The supported language of a BCP 47 tag ("de-AT" → "de"), or `null`. */
export function supportedLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : null;
}

/** The technician's own choice, else the first supported browser language, else English. */
export function pickLanguage(choice: string | null, browser: readonly string[]): Language {
  return supportedLanguage(choice) ?? browser.map(supportedLanguage).find((l) => l !== null) ?? 'en';
}

/**
 * The locale for dates and numbers: the browser's own tag when it is of the language spoken
 * ("en-GB" for English gives 7 Dec 2026 and 24-hour time), else the language itself.
 */
export function localeFor(language: string, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}
