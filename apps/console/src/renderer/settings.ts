// The shell's first-run page: asks for the hub address. Plain DOM (no framework) and only
// `window.desksideConsole`; every value shown is set as text, never as HTML.
import type { DesksideConsoleBridge } from '../common/bridge-api.js';

declare global {
  interface Window {
    readonly desksideConsole: DesksideConsoleBridge;
  }
}

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`settings page is missing #${id}`);
  return element;
}

async function start(): Promise<void> {
  const form = byId('hub-form', HTMLFormElement);
  const input = byId('hub-url', HTMLInputElement);
  const message = byId('message', HTMLParagraphElement);
  const envNote = byId('env-note', HTMLParagraphElement);
  const bridge = window.desksideConsole;

  const current = await bridge.getSettings();
  input.value = current.hubUrl;
  envNote.hidden = !current.fromEnvironment;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    bridge.saveHubUrl(input.value).then(
      (result) => {
        if (!result.ok) message.textContent = result.message;
      },
      () => {
        message.textContent = 'Could not save the address.';
      },
    );
  });
}

document.addEventListener('DOMContentLoaded', () => {
  start().catch(() => {
    const message = document.getElementById('message');
    if (message) message.textContent = 'This page could not start.';
  });
});
