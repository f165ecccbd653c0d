import { useEffect, useRef } from 'react';
import { navigate } from './use-hash-route.js';

export interface GlobalShortcutActions {
  openPalette(): void;
  openHelp(): void;
}

/** Whether a key press belongs to a text field (single-key shortcuts must not fire there). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * The console-wide keys: Ctrl+K (or ⌘K) and `/` search, `?` lists the shortcuts, `c` starts a new
 * ticket. Single keys are ignored while typing in a field or when a dialog is open.
 */
export function useGlobalShortcuts(enabled: boolean, actions: GlobalShortcutActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        ref.current.openPalette();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === '/') {
        event.preventDefault();
        ref.current.openPalette();
      } else if (event.key === '?') {
        event.preventDefault();
        ref.current.openHelp();
      } else if (event.key === 'c') {
        event.preventDefault();
        navigate('/tickets/new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
