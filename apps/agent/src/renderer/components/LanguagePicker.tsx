import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, type Language } from '../../common/bridge-api.js';
import { LANGUAGE_NAMES } from '../../common/locales/index.js';
import { languageOf } from '../i18n.js';
import { useShell } from '../window-root.js';

/** The employee's language: each listed in itself; the choice is kept by the agent for every window. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const { appearance } = useShell();
  const current = languageOf(appearance);
  return (
    <>
      <label htmlFor="language">{t('app.language')}</label>
      <select
        id="language"
        data-testid="language"
        value={current}
        onChange={(e) => {
          const chosen = LANGUAGE_CODES.find((l) => l === e.target.value);
          if (chosen) void window.deskside.setLanguage(chosen as Language).catch(() => undefined);
        }}
      >
        {LANGUAGE_CODES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </>
  );
}
