import { useTranslation } from 'react-i18next';

/**
 * The slot for help articles suggested while the employee types (the knowledge-base issue, #15,
 * fills it: search the hub's published articles for `subject` + `description`, debounced, and list
 * the matches as links under `getHelp.articlesTitle`). Until then it renders an empty, hidden
 * region, so the form's layout already has its place.
 */
export function SuggestedArticles(_props: { subject: string; description: string }) {
  const { t } = useTranslation();
  return <section className="help-articles" aria-label={t('getHelp.articlesTitle')} data-testid="help-articles" hidden />;
}
