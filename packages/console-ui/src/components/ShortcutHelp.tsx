import { useEffect, useRef } from 'react';

/** Every single-key shortcut, grouped by where it works. */
export const SHORTCUTS: readonly { where: string; keys: readonly [string, string][] }[] = [
  {
    where: 'Anywhere',
    keys: [
      ['Ctrl K  or  /', 'Search devices, tickets, alerts, people, software'],
      ['c', 'New ticket'],
      ['?', 'This list'],
    ],
  },
  {
    where: 'Lists (tickets, devices)',
    keys: [
      ['j  /  k', 'Next / previous row'],
      ['Enter', 'Open the row'],
      ['x', 'Select / unselect the row'],
      ['a', 'Assign the ticket to me'],
    ],
  },
];

/** `?`: the shortcut sheet, as a modal dialog (Escape closes). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-title" data-testid="shortcut-help" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      {SHORTCUTS.map((group) => (
        <section key={group.where}>
          <h3>{group.where}</h3>
          <dl className="shortcut-list">
            {group.keys.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd className="kbd">{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <button type="button" className="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
