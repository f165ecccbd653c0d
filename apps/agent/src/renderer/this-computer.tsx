import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComputerCard } from './components/ComputerCard.js';
import './styles.css';

function ThisComputerPage() {
  return (
    <main>
      <h1>This computer</h1>
      <p className="muted">Your help desk may ask you for these details.</p>
      <ComputerCard />
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThisComputerPage />
    </StrictMode>,
  );
}
