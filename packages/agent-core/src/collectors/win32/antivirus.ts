import type { Antivirus } from '@deskside/protocol';
import { mpComputerStatusProbe, type DefenderStatus } from '../../probes/windows/mp-computer-status.js';
import { securityCenterAntivirusProbe, type AntivirusProduct } from '../../probes/windows/security-center-antivirus.js';
import { tryProbe, type CollectorEnv } from '../env.js';
import { cut } from '../normalize.js';

/**
 * Days after which Defender's signatures count as out of date when Defender itself does not say
 * (`DefenderSignaturesOutOfDate` is missing on older platforms). 7 is Defender's own default for
 * the AVSignatureDue policy, so the verdict matches what Windows Security shows on an unmanaged PC.
 */
export const SIGNATURE_DUE_DAYS = 7;

/** The name Defender goes by when only Get-MpComputerStatus answers (Windows Server has no Security Center). */
export const DEFENDER_NAME = 'Microsoft Defender Antivirus';

const MAX_PRODUCTS = 16;

/**
 * Security Center's products (workstations), with Microsoft Defender's definitions version and date
 * from Get-MpComputerStatus; both commands run at once. Without Security Center (servers), Defender
 * alone. Undefined, with both reasons added, when neither answers.
 */
export async function collectWindowsAntivirus(env: CollectorEnv, reasons: string[]): Promise<Antivirus[] | undefined> {
  const [products, defender] = await Promise.all([tryProbe(securityCenterAntivirusProbe, env, reasons), tryProbe(mpComputerStatusProbe, env, reasons)]);
  return mergeDefenderStatus(products, defender);
}

/**
 * Security Center decides which products are there and, from productState, whether each is on and
 * current; Defender's status fills what it leaves open. A Defender that Security Center does not
 * list (another antivirus took over, Defender is passive) is not added: it is not what protects the PC.
 */
export function mergeDefenderStatus(products: readonly AntivirusProduct[] | undefined, defender: DefenderStatus | undefined): Antivirus[] | undefined {
  if (products !== undefined) {
    return products.slice(0, MAX_PRODUCTS).map((p) => {
      const entry: Antivirus = { name: cut(p.name, 256), enabled: p.enabled ?? null, upToDate: p.upToDate ?? null };
      if (!isDefender(p)) return entry;
      return {
        name: entry.name,
        enabled: entry.enabled ?? (defender ? defenderEnabled(defender) : null),
        upToDate: entry.upToDate ?? (defender ? defenderUpToDate(defender) : null),
        // Null, not absent: the source exists for Defender, this run could not read it.
        definitionsVersion: defender?.signatureVersion ?? null,
        definitionsUpdatedAt: defender?.signatureUpdatedAt ?? null,
      };
    });
  }
  if (defender === undefined) return undefined;
  return [
    {
      name: DEFENDER_NAME,
      // Without Security Center (servers) a third-party antivirus is invisible: Defender being off
      // then most often means another product took over, so "off" would be a critical alert a
      // technician learns to ignore. Only "on" is known here.
      enabled: defenderEnabled(defender) === true ? true : null,
      upToDate: defenderUpToDate(defender),
      definitionsVersion: defender.signatureVersion,
      definitionsUpdatedAt: defender.signatureUpdatedAt,
    },
  ];
}

/**
 * On when the engine and real-time protection are; off when Defender says any part is off. In
 * passive or EDR-block mode another antivirus is the active one, which nothing here can see, so
 * the answer is unknown rather than an "antivirus off" alert on a server that is protected.
 */
export function defenderEnabled(status: DefenderStatus): boolean | null {
  if (status.runningMode !== null && /passive|edr/i.test(status.runningMode)) return null;
  const flags = [status.serviceEnabled, status.antivirusEnabled, status.realTimeProtectionEnabled];
  if (flags.includes(false)) return false;
  return status.antivirusEnabled === true && status.realTimeProtectionEnabled === true ? true : null;
}

/** Defender's own verdict (it applies the admin's AVSignatureDue policy), else the age against {@link SIGNATURE_DUE_DAYS}. */
export function defenderUpToDate(status: DefenderStatus): boolean | null {
  if (status.signaturesOutOfDate !== null) return !status.signaturesOutOfDate;
  return status.signatureAgeDays === null ? null : status.signatureAgeDays <= SIGNATURE_DUE_DAYS;
}

const DEFENDER_NAMES = /^(windows|microsoft) defender( antivirus)?$/i;

/** Windows 10 registers "Windows Defender", later builds "Microsoft Defender Antivirus"; the reporting exe tells when a name is localized. */
function isDefender(product: AntivirusProduct): boolean {
  return DEFENDER_NAMES.test(product.name.trim()) || /(^|\\)msmpeng\.exe$|^windowsdefender:/i.test(product.reportingExe?.trim() ?? '');
}
