import { createInstance, type TFunction } from 'i18next';
import type { Language } from './bridge-api.js';
import { MESSAGES } from './locales/index.js';

const instances = new Map<Language, TFunction>();

/**
 * A plain i18next `t` for one language, for main-process words (notifications, menu, tooltip);
 * the windows use react-i18next over the same messages.
 */
export function translator(language: Language): TFunction {
  let t = instances.get(language);
  if (!t) {
    const instance = createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      resources: Object.fromEntries(Object.entries(MESSAGES).map(([lng, translation]) => [lng, { translation }])),
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    t = instance.t;
    instances.set(language, t);
  }
  return t;
}
