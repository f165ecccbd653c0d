import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled field with its hint and its error, GOV.UK style (error above the input). */
export function Field(props: { id: string; label: string; hint?: string; error?: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          <span className="visually-hidden">{t('app.errorPrefix')} </span>
          {props.error}
        </span>
      )}
      {props.children}
    </div>
  );
}

/** The `aria-describedby` of a field: its hint and its error. */
export const describedBy = (id: string, hint: boolean, error: boolean): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A question answered by one of a few radio buttons. */
export function Radios<T extends string>(props: { name: string; legend: string; value: T; choices: ReadonlyArray<[T, string]>; onChange: (value: T) => void }) {
  return (
    <fieldset data-testid={props.name}>
      <legend>{props.legend}</legend>
      <div className="radios">
        {props.choices.map(([value, label]) => (
          <label className="radio" key={value}>
            <input type="radio" name={props.name} value={value} checked={props.value === value} onChange={() => props.onChange(value)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
