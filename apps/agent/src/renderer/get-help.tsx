import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComputerCard } from './components/ComputerCard.js';
import { HelpDeskContact } from './components/HelpDeskContact.js';
import './styles.css';

// Sending a ticket from this window arrives in the next release; until then the page says so and
// gives the employee what they need to call or write to their help desk.
function GetHelpPage() {
  return (
    <main>
      <h1>Get help</h1>
      <p className="notice">
        Sending a request from this window is not available yet: it arrives in the next release of Deskside.
        Until then, please contact your help desk directly.
      </p>
      <h2>Your help desk</h2>
      <HelpDeskContact />
      <h2>This computer</h2>
      <p className="muted">Your help desk may ask you for these details.</p>
      <ComputerCard />
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GetHelpPage />
    </StrictMode>,
  );
}
