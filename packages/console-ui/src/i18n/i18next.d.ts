import 'i18next';
import type { Messages } from './en/index.js';

// Typed keys: `t('common.retry')` is checked against the English messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
