import { useTranslation } from 'react-i18next';
import { HelpArticles } from './components/HelpArticles.js';
import { Page } from './components/Page.js';
import './styles.css';
import { mountWindow } from './window-root.js';

function HelpArticlesPage() {
  const { t } = useTranslation();
  const article = new URLSearchParams(location.search).get('article');
  return (
    <Page title={t('articles.title')}>
      <HelpArticles initialArticle={article} />
    </Page>
  );
}

mountWindow(<HelpArticlesPage />);
