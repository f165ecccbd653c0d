import { useState } from 'react';
import { chooseLanguage, languageChoice, LANGUAGE_NAMES, LANGUAGES, useT, type Language } from '../i18n/i18n.js';

/** The console's language for this browser: a choice, or the browser's own (the default). */
export function LanguagePicker() {
  const t = useT();
  const [choice, setChoice] = useState<Language | null>(languageChoice);
  return (
    <label className="field field-inline">
      <span className="field-label">{t('common.language')}</span>
      <select
        data-testid="language-picker"
        value={choice ?? ''}
        onChange={(e) => {
          const next = (LANGUAGES as readonly string[]).includes(e.target.value) ? (e.target.value as Language) : null;
          setChoice(next);
          chooseLanguage(next);
        }}
      >
        <option value="">{t('common.languageAuto')}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
