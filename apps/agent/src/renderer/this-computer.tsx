import { useTranslation } from 'react-i18next';
import { ComputerCard } from './components/ComputerCard.js';
import { Page } from './components/Page.js';
import './styles.css';
import { mountWindow } from './window-root.js';

function ThisComputerPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('computer.title')}>
      <p className="lead">{t('computer.intro')}</p>
      <ComputerCard />
    </Page>
  );
}

mountWindow(<ThisComputerPage />);
