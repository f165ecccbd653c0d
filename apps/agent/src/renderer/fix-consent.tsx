import { useTranslation } from 'react-i18next';
import { FixConsent } from './components/FixConsent.js';
import { Page } from './components/Page.js';
import './styles.css';
import { mountWindow } from './window-root.js';

function FixConsentPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('fixes.title')}>
      <FixConsent />
    </Page>
  );
}

mountWindow(<FixConsentPage />);
