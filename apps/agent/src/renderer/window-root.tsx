import { createContext, StrictMode, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { AgentConnectionStatus, AppearanceView } from '../common/bridge-api.js';
import { createI18n, languageOf } from './i18n.js';

interface Shell {
  appearance: AppearanceView | null;
  /** `null` until the agent said (the banner stays away rather than flash). */
  status: AgentConnectionStatus | null;
}

const ShellContext = createContext<Shell>({ appearance: null, status: null });

/** The window's language, branding and connection status. */
export const useShell = (): Shell => useContext(ShellContext);

/**
 * Mounts a tray window: reads the language and branding first (so the first paint is already in
 * the right language and colours), then keeps both, and the connection status, up to date.
 */
export function mountWindow(children: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) return;
  const start = (appearance: AppearanceView | null) =>
    createRoot(root).render(
      <StrictMode>
        <ShellRoot initial={appearance}>{children}</ShellRoot>
      </StrictMode>,
    );
  window.deskside.getAppearance().then(start, () => start(null));
}

function ShellRoot({ initial, children }: { initial: AppearanceView | null; children: ReactNode }) {
  const [appearance, setAppearance] = useState(initial);
  const [status, setStatus] = useState<AgentConnectionStatus | null>(null);
  const i18n = useMemo(() => createI18n(languageOf(initial)), [initial]);

  useEffect(() => {
    const offAppearance = window.deskside.onAppearance(setAppearance);
    const offStatus = window.deskside.onStatus(setStatus);
    let live = true;
    window.deskside.getThisComputer().then(
      (info) => live && setStatus((known) => known ?? info.status),
      () => undefined,
    );
    return () => {
      live = false;
      offAppearance();
      offStatus();
    };
  }, []);

  useEffect(() => {
    const language = languageOf(appearance);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    const accent = appearance?.branding?.accentColor;
    // Through the CSSOM (allowed by the CSP), never an inline style attribute.
    if (accent && /^#[0-9a-f]{6}$/i.test(accent)) document.documentElement.style.setProperty('--accent', accent);
    else document.documentElement.style.removeProperty('--accent');
  }, [appearance, i18n]);

  const shell = useMemo(() => ({ appearance, status }), [appearance, status]);
  return (
    <I18nextProvider i18n={i18n}>
      <ShellContext.Provider value={shell}>{children}</ShellContext.Provider>
    </I18nextProvider>
  );
}
