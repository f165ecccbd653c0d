/**
 * File systems that are not storage a technician cares about: kernel and container plumbing,
 * RAM disks, read-only snap images. Shared by the inventory and the heartbeat disk figures.
 */
const PSEUDO_FS = new Set([
  'tmpfs', 'devtmpfs', 'ramfs', 'overlay', 'overlayfs', 'aufs', 'squashfs', 'proc', 'sysfs', 'cgroup',
  'cgroup2', 'devpts', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'pstore', 'bpf', 'configfs',
  'fusectl', 'hugetlbfs', 'autofs', 'nsfs', 'efivarfs', 'binfmt_misc', 'rpc_pipefs', 'nfsd', 'devfs',
  'fuse.lxcfs', 'fuse.gvfsd-fuse', 'fuse.portal', 'fuse.snapfuse', 'iso9660', 'udf', 'nullfs', 'zram',
]);

const PSEUDO_MOUNT = [/^\/proc(\/|$)/, /^\/sys(\/|$)/, /^\/dev(\/|$)/, /^\/run(\/|$)/, /^\/snap\//, /^\/var\/lib\/docker\//];

/** Whether a mounted file system is a real, local volume worth reporting. */
export function isRealVolume(fsType: string | null | undefined, mount: string | null | undefined): boolean {
  const type = (fsType ?? '').toLowerCase();
  const where = mount ?? '';
  if (where === '') return false;
  if (PSEUDO_FS.has(type)) return false;
  if (PSEUDO_MOUNT.some((re) => re.test(where))) return false;
  // macOS mounts several APFS system volumes; only the data volume holds user files.
  if (where.startsWith('/System/Volumes/') && where !== '/System/Volumes/Data') return false;
  return true;
}

/** Network file systems: real, but not local, so left out of the local disk figures. */
export function isNetworkFs(fsType: string | null | undefined, source: string | null | undefined): boolean {
  const type = (fsType ?? '').toLowerCase();
  if (/^(nfs|nfs4|cifs|smbfs|smb3|afpfs|sshfs|fuse\.sshfs|9p|webdav|davfs)$/.test(type)) return true;
  return (source ?? '').startsWith('//') || (source ?? '').startsWith('\\\\');
}
