import type { AgentReleaseFile, AgentReleaseManifest } from '@deskside/protocol';

/** electron-updater's channel files, by the platform they describe. */
export const FEED_FILES = { 'latest.yml': 'win32', 'latest-mac.yml': 'darwin', 'latest-linux.yml': 'linux' } as const;
export type FeedFile = keyof typeof FEED_FILES;

/** The file electron-updater installs on each platform (NSIS on Windows, the zip on macOS, the AppImage on Linux). */
const UPDATER_KIND: Record<AgentReleaseFile['platform'], AgentReleaseFile['kind']> = { win32: 'nsis', darwin: 'zip', linux: 'appimage' };

export function isFeedFile(name: string): name is FeedFile {
  return Object.hasOwn(FEED_FILES, name);
}

/**
 * The generic provider's metadata (`latest.yml`, …) for one signed release, written from the
 * manifest the admin signed: the tray compares what electron-updater read here with the manifest
 * it verified, so this text needs no signature of its own. Null when the release has no such file.
 */
export function feedYaml(manifest: AgentReleaseManifest, feed: FeedFile, arch: AgentReleaseFile['arch'] = 'x64'): string | null {
  const platform = FEED_FILES[feed];
  const file = manifest.files.find((f) => f.platform === platform && f.kind === UPDATER_KIND[platform] && f.arch === arch)
    ?? manifest.files.find((f) => f.platform === platform && f.kind === UPDATER_KIND[platform]);
  if (!file) return null;
  // JSON strings are YAML double-quoted scalars: nothing in a URL or a note can break out.
  const q = (s: string) => JSON.stringify(s);
  return [
    `version: ${q(manifest.version)}`,
    'files:',
    `  - url: ${q(file.url)}`,
    `    sha512: ${q(file.sha512)}`,
    `    size: ${file.size}`,
    `path: ${q(file.url)}`,
    `sha512: ${q(file.sha512)}`,
    `releaseDate: ${q(manifest.issuedAt)}`,
    '',
  ].join('\n');
}
