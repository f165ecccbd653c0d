import type { Technician, CannedResponse, Incident } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';

/** Lists a ticket page needs beside the ticket; each is optional (an older hub, a technician's rights). */
export interface TicketRefs {
  canned: CannedResponse[];
  /** Who a ticket can be assigned to; null when this person may not list users ("assign to me" only). */
  technicians: Technician[] | null;
  incidents: Incident[];
}

/**
 * Canned responses, assignable technicians and incidents; the incidents are fetched again when
 * `incidentKey` changes (the ticket joined an incident, or an incident action ran).
 */
export function useTicketRefs(api: HttpClient, incidentKey: string): TicketRefs {
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const [technicians, setTechnicians] = useState<Technician[] | null>(null);
  const [incidents, setIncidents] = useState<Incident[]>([]);

  useEffect(() => {
    let cancelled = false;
    api.listCannedResponses().then(
      (list) => !cancelled && setCanned(list),
      () => undefined,
    );
    api.listTechnicians().then(
      (list) => !cancelled && setTechnicians(list),
      () => !cancelled && setTechnicians(null),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    let cancelled = false;
    api.listIncidents().then(
      (list) => !cancelled && setIncidents(list),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, incidentKey]);

  return { canned, technicians, incidents };
}
