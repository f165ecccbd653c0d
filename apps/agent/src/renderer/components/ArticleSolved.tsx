import { useTranslation } from 'react-i18next';

/** "This solved it": no request was sent, and the help desk counts the article that helped. */
export function ArticleSolved({ onAnother }: { onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <section data-testid="help-solved">
      <div className="panel sent" role="status">
        <h2>{t('articles.solvedTitle')}</h2>
      </div>
      <p>{t('articles.solvedBody')}</p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onAnother}>
          {t('getHelp.another')}
        </button>
      </div>
    </section>
  );
}
