/** A ticket a search found (the fields a result line shows). */
export interface TicketSearchHit {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  /** The requester as stored (JSON); the service reads the name it needs. */
  requesterJson: string;
  siteId: string;
  deviceId: string | null;
  updatedAt: Date;
}

/** An unresolved alert a search found, with its device. */
export interface AlertSearchHit {
  id: string;
  message: string;
  severity: string;
  state: string;
  checkId: string;
  raisedAt: Date;
  deviceId: string;
  hostname: string;
}

/** A console account a search found. */
export interface UserSearchHit {
  id: string;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
}

/** `siteIds` undefined: every site; an empty list: none. */
export interface SearchScope {
  text: string;
  siteIds: readonly string[] | undefined;
  limit: number;
}

/** Case-insensitive substring look-ups for the global search, newest (or alphabetical) first. */
export interface SearchRepository {
  /** Words starting words of the subject, description or requester, or the ticket `number`; merged tickets left out. */
  tickets(scope: SearchScope & { number: number | null }): Promise<TicketSearchHit[]>;
  /** Unresolved alerts whose message, check or subject contains `text`. */
  alerts(scope: SearchScope): Promise<AlertSearchHit[]>;
  /** Accounts whose username or display name contains `text`. */
  users(scope: Omit<SearchScope, 'siteIds'>): Promise<UserSearchHit[]>;
}
