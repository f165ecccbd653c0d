import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** The id of the field the link moves to. */
  field: string;
  message: string;
}

/**
 * GOV.UK's error summary: at the top of the form, focused when it appears, one link per problem
 * that moves focus to its field.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2 id="error-summary-title">{t('app.errorSummaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${e.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
