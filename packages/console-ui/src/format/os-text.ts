import type { InventoryDocument } from '@deskside/protocol';

type OsSection = NonNullable<InventoryDocument['os']>;

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  win32: 'Windows',
  windows: 'Windows',
  darwin: 'macOS',
  linux: 'Linux',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
};

/** A platform id as people say it ("win32" → "Windows"); unknown ids are shown as sent. */
export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform.toLowerCase()] ?? platform;
}

/**
 * One line for an OS section: "Ubuntu 22.04.4 LTS (x64)", "Microsoft Windows 11 Pro 10.0.22631 (x64)".
 * The release is left out when the distro name already ends with it, so it is not said twice.
 */
export function formatOs(os: OsSection | null | undefined): string {
  if (!os) return '—';
  const name = os.distro?.trim() || platformName(os.platform);
  const release = os.release?.trim();
  const parts = [name];
  if (release && !name.endsWith(release)) parts.push(release);
  const arch = os.arch?.trim();
  return arch ? `${parts.join(' ')} (${arch})` : parts.join(' ');
}
