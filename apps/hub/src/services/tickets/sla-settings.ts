import type { SlaSettings } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { ServiceError } from '../service-error.js';
import { DEFAULT_AUTO_CLOSE_DAYS, DEFAULT_SLA_TARGETS, officeHours, CompiledSla } from './sla-policy.js';
import { addBusinessMs, isKnownTimeZone, workCalendar } from './sla-clock.js';

const AUTO_CLOSE_KEY = 'tickets.autoCloseDays';
const DEFAULT_SITE = '*';
/** Other hub processes may change the settings: re-read at most this often. */
const TTL_MS = 60_000;

/**
 * The SLA configuration: stored targets and calendars over the defaults, compiled and cached.
 * `defaultTimeZone` is the hub's zone, used until an administrator sets calendars.
 */
export class SlaSettingsService {
  private cached?: { at: number; sla: CompiledSla };

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
    private readonly defaultTimeZone: string,
  ) {}

  async current(): Promise<CompiledSla> {
    const now = this.clock().getTime();
    if (this.cached && now - this.cached.at < TTL_MS) return this.cached.sla;
    const stored = await this.store.slaConfig.get();
    const autoClose = Number(await this.store.settings.get(AUTO_CLOSE_KEY));
    const fallback = stored.calendars.find((c) => c.siteId === DEFAULT_SITE)?.calendar ?? officeHours(this.defaultTimeZone);
    const settings: SlaSettings = {
      targets: { ...DEFAULT_SLA_TARGETS, ...stored.targets },
      autoCloseDays: Number.isInteger(autoClose) && autoClose > 0 ? autoClose : DEFAULT_AUTO_CLOSE_DAYS,
      calendars: stored.calendars.filter((c) => c.siteId !== DEFAULT_SITE),
      defaultCalendar: fallback,
    };
    const sla = new CompiledSla(settings);
    this.cached = { at: now, sla };
    return sla;
  }

  /** Replaces the configuration after checking every calendar can actually run a clock. */
  async replace(settings: SlaSettings): Promise<CompiledSla> {
    for (const { calendar } of [{ calendar: settings.defaultCalendar }, ...settings.calendars]) {
      if (!isKnownTimeZone(calendar.timeZone)) throw new ServiceError('invalid_payload', `Unknown time zone "${calendar.timeZone.slice(0, 64)}".`);
      if (addBusinessMs(workCalendar(calendar), this.clock().getTime(), 60_000) === null) {
        throw new ServiceError('invalid_payload', 'A calendar must have business hours on at least one day.');
      }
    }
    await this.store.transaction(async (tx) => {
      await tx.slaConfig.replace({
        targets: settings.targets,
        calendars: [{ siteId: DEFAULT_SITE, calendar: settings.defaultCalendar }, ...settings.calendars],
      });
      await tx.settings.set(AUTO_CLOSE_KEY, String(settings.autoCloseDays));
    });
    this.cached = undefined;
    return this.current();
  }
}
