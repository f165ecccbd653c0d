import type { UsersSection as Users } from '@deskside/protocol';
import { formatDateTime } from '../../format/relative-time.js';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';
import { ListTable } from './ListTable.js';

/** Who is signed in, and the local accounts with their administrator flag. */
export function UsersSection({ users }: { users: Users }) {
  return (
    <>
      <h3>Signed in</h3>
      <ListTable
        caption="Signed-in users"
        rows={users.loggedIn}
        empty="Nobody signed in."
        columns={[
          { header: 'User', cell: (u) => <SafeText value={u.name} /> },
          { header: 'Session', cell: (u) => <SafeText value={u.session} /> },
          { header: 'Since', cell: (u) => (u.since ? formatDateTime(u.since) : <span className="unknown">unknown</span>) },
        ]}
      />
      <h3>Local accounts</h3>
      <ListTable
        caption="Local accounts"
        rows={users.local}
        empty="No local account reported."
        columns={[
          { header: 'Account', cell: (a) => <SafeText value={a.name} /> },
          { header: 'Full name', cell: (a) => <SafeText value={a.fullName} /> },
          { header: 'Administrator', cell: (a) => <YesNo value={a.admin} /> },
          { header: 'Disabled', cell: (a) => <YesNo value={a.disabled} /> },
        ]}
      />
    </>
  );
}
