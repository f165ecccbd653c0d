import { useTranslation } from 'react-i18next';
import { MyTickets } from './components/MyTickets.js';
import { Page } from './components/Page.js';
import './styles.css';
import { mountWindow } from './window-root.js';

// A notification's click opens this window on one ticket: `?ticket=<id>` (main sets it).
const requested = new URLSearchParams(window.location.search).get('ticket');
const initialTicketId = requested && /^[0-9A-Za-z-]{26,36}$/.test(requested) ? requested : null;

function MyTicketsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('tickets.title')}>
      <MyTickets initialTicketId={initialTicketId} />
    </Page>
  );
}

mountWindow(<MyTicketsPage />);
