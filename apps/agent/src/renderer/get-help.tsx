import { useTranslation } from 'react-i18next';
import { GetHelpForm } from './components/GetHelpForm.js';
import { HelpDeskContact } from './components/HelpDeskContact.js';
import { Page } from './components/Page.js';
import './styles.css';
import { mountWindow } from './window-root.js';

function GetHelpPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('getHelp.title')}>
      <GetHelpForm />
      <HelpDeskContact />
    </Page>
  );
}

mountWindow(<GetHelpPage />);
