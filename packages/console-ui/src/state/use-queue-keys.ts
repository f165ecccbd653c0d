import type { Ticket } from '@deskside/protocol';
import { useEffect, useRef, useState } from 'react';
import { ticketPath } from '../app/routes.js';
import { isTyping } from '../app/use-global-shortcuts.js';
import { navigate } from '../app/use-hash-route.js';

/** j/k move through the queue, Enter opens, x selects, a assigns to me; answers the active row's id. */
export function useQueueKeys(queue: readonly Ticket[], actions: { toggle(id: string): void; assignToMe(t: Ticket): void }): string | null {
  const [activeId, setActiveId] = useState<string | null>(null);
  const ref = useRef({ queue, actions, activeId });
  ref.current = { queue, actions, activeId };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const { queue: q, actions: a, activeId: id } = ref.current;
      const at = q.findIndex((t) => t.id === id);
      const current = at >= 0 ? q[at] : undefined;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const next = q[Math.max(0, Math.min(q.length - 1, at + (event.key === 'j' ? 1 : -1)))];
        if (next) {
          setActiveId(next.id);
          document.querySelector(`[data-ticket-id="${next.id}"]`)?.scrollIntoView({ block: 'nearest' });
        }
      } else if (event.key === 'Enter' && current && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
        event.preventDefault();
        navigate(ticketPath(current.id));
      } else if (event.key === 'x' && current) {
        event.preventDefault();
        a.toggle(current.id);
      } else if (event.key === 'a' && current) {
        event.preventDefault();
        a.assignToMe(current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return activeId;
}
