import type { Software } from '@deskside/protocol';
import { useMemo, useState } from 'react';
import { SafeText } from '../SafeText.js';
import { ListTable } from './ListTable.js';

/** Installed software with a name / publisher filter (lists run to thousands of rows). */
export function SoftwareSection({ software }: { software: readonly Software[] }) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q === '' ? software : software.filter((s) => s.name.toLowerCase().includes(q) || (s.publisher ?? '').toLowerCase().includes(q));
  }, [software, filter]);
  return (
    <>
      <label className="inline-filter">
        Filter{' '}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Name or publisher" maxLength={128} data-testid="software-filter" />
      </label>{' '}
      <span className="muted">{software.length} installed</span>
      <ListTable
        caption="Installed software"
        rows={rows}
        empty={software.length === 0 ? 'No software reported.' : 'Nothing matches the filter.'}
        columns={[
          { header: 'Name', cell: (s) => <SafeText value={s.name} />, value: (s) => s.name },
          { header: 'Version', className: 'mono', cell: (s) => <SafeText value={s.version} />, value: (s) => s.version },
          { header: 'Publisher', cell: (s) => <SafeText value={s.publisher} />, value: (s) => s.publisher },
          { header: 'Installed', cell: (s) => <SafeText value={s.installDate} />, value: (s) => s.installDate },
          { header: 'Source', cell: (s) => s.source, value: (s) => s.source },
        ]}
      />
    </>
  );
}
