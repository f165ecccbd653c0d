import si from 'systeminformation';
import type { HardwareSection } from '@deskside/protocol';
import { parseDmidecode } from '../probes/linux/dmidecode.js';
import { defineTextProbe } from '../probes/define-probe.js';
import { ok, unknown } from '../probes/probe.js';
import { SectionUnknown, tryProbe, tryRead, type CollectorEnv } from './env.js';
import { text } from './normalize.js';

/** The EFI variable whose fifth byte is SecureBoot (1 on, 0 off). */
const SECURE_BOOT_EFIVAR = '/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c';

/** `Confirm-SecureBootUEFI`: True / False; an error on legacy BIOS or without admin rights. */
export const confirmSecureBootProbe = defineTextProbe({
  id: 'windows.confirm-secure-boot',
  platforms: ['win32'],
  commands: [{ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', 'Confirm-SecureBootUEFI'] }],
  parseText: (t) => (/^\s*true\s*$/i.test(t) ? ok(true) : /^\s*false\s*$/i.test(t) ? ok(false) : unknown('no True/False answer')),
});

/** Firmware, baseboard, chassis and Secure Boot: systeminformation first, dmidecode (root) and OS probes to fill gaps. */
export async function collectHardware(env: CollectorEnv): Promise<HardwareSection> {
  const [bios, board, chassis] = await Promise.all([si.bios(), si.baseboard(), si.chassis()]);
  const reasons: string[] = [];
  const section: HardwareSection = {
    chassisType: text(chassis.type, 64),
    assetTag: text(chassis.assetTag) ?? text(board.assetTag),
    biosVendor: text(bios.vendor),
    biosVersion: text(bios.version),
    biosDate: text(bios.releaseDate, 64),
    baseboardManufacturer: text(board.manufacturer),
    baseboardModel: text(board.model),
    baseboardSerial: text(board.serial),
    secureBoot: await secureBoot(env, reasons),
  };
  const filled = env.platform === 'linux' && env.uid === 0 ? await fillFromDmidecode(section, env, reasons) : section;
  const { secureBoot: _sb, ...rest } = filled;
  if (Object.values(rest).every((v) => v === null) && filled.secureBoot === null) {
    const why = env.platform === 'linux' && env.uid !== 0 ? 'DMI tables unreadable without root' : 'no firmware (DMI/SMBIOS) data visible';
    throw new SectionUnknown([why, ...reasons].join('; '));
  }
  return filled;
}

async function secureBoot(env: CollectorEnv, reasons: string[]): Promise<boolean | null> {
  if (env.platform === 'linux') {
    const efivar = await tryRead(env, SECURE_BOOT_EFIVAR);
    if (efivar !== undefined && efivar.length >= 5) return efivar.charCodeAt(4) === 1;
    return (await tryRead(env, '/sys/firmware/efi/fw_platform_size')) === undefined ? null : false;
  }
  if (env.platform === 'win32') return (await tryProbe(confirmSecureBootProbe, env, reasons)) ?? null;
  // macOS: Apple silicon always boots securely; the policy level needs bputil (root), not read here.
  return null;
}

async function fillFromDmidecode(section: HardwareSection, env: CollectorEnv, reasons: string[]): Promise<HardwareSection> {
  const dmi = await tryProbe(
    defineTextProbe({ id: 'linux.dmidecode', platforms: ['linux'], commands: [{ file: 'dmidecode', args: [] }], parseText: parseDmidecode }),
    env,
    reasons,
  );
  if (!dmi) return section;
  return {
    chassisType: section.chassisType ?? text(dmi.chassis.type, 64),
    assetTag: section.assetTag ?? text(dmi.chassis.assetTag),
    biosVendor: section.biosVendor ?? text(dmi.bios.vendor),
    biosVersion: section.biosVersion ?? text(dmi.bios.version),
    biosDate: section.biosDate ?? text(dmi.bios.date, 64),
    baseboardManufacturer: section.baseboardManufacturer ?? text(dmi.baseboard.manufacturer),
    baseboardModel: section.baseboardModel ?? text(dmi.baseboard.product),
    baseboardSerial: section.baseboardSerial ?? text(dmi.baseboard.serial),
    secureBoot: section.secureBoot,
  };
}
