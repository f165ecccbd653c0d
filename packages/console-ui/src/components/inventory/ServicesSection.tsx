import type { Service } from '@deskside/protocol';
import { SafeText } from '../SafeText.js';
import { ListTable } from './ListTable.js';

/** Services, failed ones first. */
export function ServicesSection({ services }: { services: readonly Service[] }) {
  const rows = [...services].sort((a, b) => Number(b.state === 'failed') - Number(a.state === 'failed'));
  return (
    <ListTable
      caption="Services"
      rows={rows}
      empty="No service reported."
      columns={[
        { header: 'Name', cell: (s) => <SafeText value={s.name} /> },
        { header: 'Display name', cell: (s) => <SafeText value={s.displayName} /> },
        { header: 'State', cell: (s) => <span className={s.state === 'failed' ? 'smart smart-failing' : ''}>{s.state}</span> },
        { header: 'Start', cell: (s) => s.startMode },
      ]}
    />
  );
}
