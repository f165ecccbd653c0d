import type { ReactNode } from 'react';

/** Label/value pairs: a `<dl>`, so each value is announced with its label. */
export function DefinitionList({ items }: { items: ReadonlyArray<readonly [label: string, value: ReactNode]> }) {
  return (
    <dl className="def-list">
      {items.map(([label, value]) => (
        <div className="def-row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
