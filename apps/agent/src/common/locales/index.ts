import { de } from './de.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export type { Messages } from './en.js';

/** The languages the employee side speaks; English is the fallback for anything else. */
export const LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, for the language picker (a language is listed in itself). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español' };

export const MESSAGES: Record<Language, Messages> = { en, fr, de, es };

/** The supported language of a BCP 47 tag ("de-AT" → "de"), or `null`. */
export function supportedLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : null;
}

/**
 * The language to speak: the employee's own choice, else the site's default from the hub, else
 * the OS's, else English.
 */
export function pickLanguage(choice: string | null, siteDefault: string | null, system: readonly string[]): Language {
  return supportedLanguage(choice) ?? supportedLanguage(siteDefault) ?? system.map(supportedLanguage).find((l) => l !== null) ?? 'en';
}
