import 'i18next';
import type { en } from '../common/locales/en.js';

// Typed keys: `t('getHelp.subject')` is checked against the English messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
