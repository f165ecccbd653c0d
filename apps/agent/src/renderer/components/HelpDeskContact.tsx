import { useEffect, useState } from 'react';
import type { HelpDeskContact as Contact } from '../../common/bridge-api.js';

/** The help desk's contact details as the administrator configured them; honest when there are none. */
export function HelpDeskContact() {
  const [contact, setContact] = useState<Contact | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    window.deskside.getHelpDesk().then(
      (value) => live && setContact(value),
      () => live && setContact(null),
    );
    return () => {
      live = false;
    };
  }, []);

  if (contact === undefined) return null;
  if (contact === null || (!contact.name && !contact.email && !contact.phone && !contact.url)) {
    return <p>No help desk contact was configured on this computer. Please ask your IT contact.</p>;
  }
  return (
    <dl className="card">
      {contact.name && <Row label="Help desk" value={contact.name} />}
      {contact.phone && <Row label="Phone" value={contact.phone} />}
      {contact.email && <Row label="Email" value={contact.email} />}
      {contact.url && <Row label="Web" value={contact.url} />}
    </dl>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
