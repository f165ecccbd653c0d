import type { ProbeReport } from '@deskside/protocol';
import type { ReactNode } from 'react';
import { SafeText } from './SafeText.js';

export interface InventorySectionProps {
  /** Section key (`system`, `os`, …): `data-section`, for tests and styling. */
  name: string;
  title: string;
  /** The probe report for this section, to say why it is missing. */
  probe?: ProbeReport | undefined;
  /** Null when the agent did not send this section. */
  children: ReactNode | null;
}

/** One titled block of the device inventory, or a note saying it is unknown and why. */
export function InventorySection({ name, title, probe, children }: InventorySectionProps) {
  const headingId = `section-${name}`;
  return (
    <section className="panel inventory-section" data-testid="inventory-section" data-section={name} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children ?? (
        <p className="unknown-section">
          Unknown — the agent could not read this.
          {probe?.reason ? (
            <>
              {' '}
              Reason: <SafeText value={probe.reason} />
            </>
          ) : null}
        </p>
      )}
    </section>
  );
}
