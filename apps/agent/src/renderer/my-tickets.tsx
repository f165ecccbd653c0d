import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MyTickets } from './components/MyTickets.js';
import './styles.css';

// A notification's click opens this window on one ticket: `?ticket=<id>` (main sets it).
const requested = new URLSearchParams(window.location.search).get('ticket');
const initialTicketId = requested && /^[0-9A-Za-z-]{26,36}$/.test(requested) ? requested : null;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main>
        <h1>My tickets</h1>
        <MyTickets initialTicketId={initialTicketId} />
      </main>
    </StrictMode>,
  );
}
