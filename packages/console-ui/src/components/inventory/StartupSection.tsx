import type { StartupItem } from '@deskside/protocol';
import { SafeText } from '../SafeText.js';
import { ListTable } from './ListTable.js';

/** Programs started at boot or sign-in. */
export function StartupSection({ items }: { items: readonly StartupItem[] }) {
  return (
    <ListTable
      caption="Start-up items"
      rows={items}
      empty="No start-up item reported."
      columns={[
        { header: 'Name', cell: (s) => <SafeText value={s.name} /> },
        { header: 'Command', className: 'mono', cell: (s) => <SafeText value={s.command} /> },
        { header: 'Where', cell: (s) => <SafeText value={s.location} /> },
        { header: 'User', cell: (s) => <SafeText value={s.user} /> },
      ]}
    />
  );
}
