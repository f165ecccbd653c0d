import './zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/tables.css';
import './styles/device.css';
import './styles/assets.css';
import './styles/alerts.css';
import './styles/charts.css';
import './styles/tickets.css';
import './styles/shell.css';
import './styles/kb.css';
import './styles/palette.css';
import './styles/device-page.css';
import './styles/integrations.css';
import './styles/fixes.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
