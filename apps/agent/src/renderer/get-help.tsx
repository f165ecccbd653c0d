import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GetHelpForm } from './components/GetHelpForm.js';
import { HelpDeskContact } from './components/HelpDeskContact.js';
import './styles.css';

function GetHelpPage() {
  return (
    <main>
      <h1>Get help</h1>
      <GetHelpForm />
      <h2>Your help desk</h2>
      <HelpDeskContact />
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
