import type { MouseEvent } from 'react';

export interface JumpTarget {
  id: string;
  label: string;
  count?: number | undefined;
}

/** A sticky bar of the page's sections; a click scrolls to one (the URL hash stays the route). */
export function JumpBar({ targets, deviceId }: { targets: readonly JumpTarget[]; deviceId: string }) {
  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    const el = document.getElementById(`dev-${id}`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
    window.history.replaceState(null, '', `#/devices/${encodeURIComponent(deviceId)}?tab=${id}`);
  };
  return (
    <nav className="jump-bar" aria-label="Device sections" data-testid="device-jump-bar">
      {targets.map((t) => (
        <a key={t.id} href={`#/devices/${encodeURIComponent(deviceId)}?tab=${t.id}`} onClick={(e) => jump(e, t.id)} data-testid={`jump-${t.id}`}>
          {t.label}
          {t.count !== undefined && <span className="jump-count">{t.count}</span>}
        </a>
      ))}
    </nav>
  );
}
