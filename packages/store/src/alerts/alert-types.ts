/**
 * Records and repositories of health alerts, their history, the webhook notification outbox,
 * health policies and device maintenance windows. Re-exported through types.ts.
 */
import type { AlertSeverity, AlertState } from '@deskside/protocol';

export type AlertSource = 'agent' | 'hub';

/** An alert row. One row per (device, check, subject) may be in a state other than `resolved`. */
export interface AlertRow {
  id: string;
  deviceId: string;
  check: string;
  subject: string;
  source: AlertSource;
  severity: AlertSeverity;
  state: AlertState;
  message: string;
  value: number | null;
  threshold: number | null;
  raisedAt: Date;
  updatedAt: Date;
  clearedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  snoozedUntil: Date | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  flapping: boolean;
  occurrences: number;
  ticketId: string | null;
  /** A notification was queued for this alert; it never is twice. */
  notified: boolean;
}

/** An alert as read back, with what the console shows about its device. */
export interface AlertRecord extends AlertRow {
  hostname: string;
  siteId: string;
}

export type AlertPatch = Partial<Omit<AlertRow, 'id' | 'deviceId' | 'check' | 'subject' | 'source' | 'raisedAt'>>;

export interface AlertListFilter {
  states?: readonly AlertState[];
  deviceId?: string;
  severity?: AlertSeverity;
  /** Only alerts of devices in these sites; absent or empty means every site. */
  siteIds?: readonly string[];
  /** Newest first; default 1000, at most 5000. */
  limit?: number;
}

/** The alerts that can matter to a report period [start, end). */
export interface AlertPeriodFilter {
  start: Date;
  /** Exclusive: an alert raised exactly at `end` is not in the period. */
  end: Date;
  /** Only alerts of devices in these sites; absent or empty means every site. */
  siteIds?: readonly string[];
  /** Newest raised first, at most this many. */
  limit: number;
}

export type AlertAction = 'raised' | 'updated' | 'cleared' | 'acknowledged' | 'snoozed' | 'resolved' | 'reopened' | 'flapping' | 'ticket-linked';

export interface AlertEventRecord {
  id: string;
  alertId: string;
  at: Date;
  actorType: 'agent' | 'hub' | 'user';
  actorId: string | null;
  actorName: string;
  action: AlertAction;
  details: string | null;
}

export interface AlertRepository {
  insert(alert: AlertRow): Promise<void>;
  update(id: string, patch: AlertPatch): Promise<void>;
  findById(id: string): Promise<AlertRecord | undefined>;
  /** The most recent alert of this key, whatever its state. */
  latestByKey(deviceId: string, check: string, subject: string): Promise<AlertRecord | undefined>;
  list(filter?: AlertListFilter): Promise<AlertRecord[]>;
  /**
   * Alerts raised before the period's end and not resolved before its start: every alert that was
   * live at some instant of it, however long ago it was raised. `resolvedAt` is the standing
   * resolution (a reopen clears it), so an alert resolved before the start had all its history
   * before the start.
   */
  listForPeriod(filter: AlertPeriodFilter): Promise<AlertRecord[]>;
  findMany(ids: readonly string[]): Promise<AlertRecord[]>;
  /** Snoozed alerts whose snooze ended at or before `now`. */
  snoozeEnded(now: Date): Promise<AlertRecord[]>;
  /** Flapping alerts whose condition cleared at or before `before` and has not come back. */
  flappingQuiet(before: Date): Promise<AlertRecord[]>;
  appendEvent(event: AlertEventRecord): Promise<void>;
  /** Oldest first. */
  events(alertId: string): Promise<AlertEventRecord[]>;
  /** The history of many alerts, in batched queries; oldest first. */
  eventsForAlerts(alertIds: readonly string[]): Promise<AlertEventRecord[]>;
  countEvents(alertId: string, actions: readonly AlertAction[], since: Date): Promise<number>;
}

/** One webhook notification waiting to be delivered (or delivered: `sentAt`). */
export interface NotificationRecord {
  id: string;
  alertId: string | null;
  payload: unknown;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
}

export interface NotificationOutboxRepository {
  /** Queues a notification; the same id twice is a no-op. */
  enqueue(n: Pick<NotificationRecord, 'id' | 'alertId' | 'payload' | 'createdAt'>): Promise<void>;
  /** Not sent, not given up, due at `now`; oldest first. */
  due(now: Date, limit: number): Promise<NotificationRecord[]>;
  /** The earliest `nextAttemptAt` of what is still pending, if anything is. */
  nextDue(): Promise<Date | undefined>;
  markSent(ids: readonly string[], at: Date): Promise<void>;
  /** Records a failed attempt: retry at `nextAttemptAt`, or give up when `giveUp`. */
  markAttemptFailed(id: string, attempts: number, nextAttemptAt: Date, error: string, giveUp: boolean, at: Date): Promise<void>;
  findById(id: string): Promise<NotificationRecord | undefined>;
}

export interface HealthPolicyRecord {
  /** `global`, or `group:<id>`. */
  scope: string;
  policy: unknown;
  updatedAt: Date;
  updatedBy: string;
}

export interface HealthPolicyRepository {
  get(scope: string): Promise<HealthPolicyRecord | undefined>;
  put(record: HealthPolicyRecord): Promise<void>;
  remove(scope: string): Promise<void>;
  list(): Promise<HealthPolicyRecord[]>;
}

/** The parts of a device the health checks need beyond DeviceRecord. */
export interface DeviceHealthRepository {
  maintenanceUntil(deviceId: string): Promise<Date | null>;
  setMaintenance(deviceId: string, until: Date | null): Promise<void>;
  /** Devices (not revoked) that carry this machine id. */
  withMachineId(machineId: string): Promise<Array<{ id: string; hostname: string }>>;
}
