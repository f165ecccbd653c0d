import type { InventoryDocument, Software } from '@deskside/protocol';
import { compareVersions, formatBytes, MAX_CHANGES_PER_INVENTORY, show, type ChangeDraft } from './change-draft.js';
import { diffKeyedList, fieldChanges } from './diff-lists.js';

type Doc = InventoryDocument;
type Disk = NonNullable<Doc['disks']>[number];
type Volume = NonNullable<Doc['volumes']>[number];
type Adapter = NonNullable<Doc['network']>['adapters'][number];

/**
 * The semantic difference between two inventory documents of one device, as history rows:
 * software installed / removed / upgraded (keyed by name + publisher), memory total, disks
 * (added, removed, serial changed), volumes (added, removed, file system, size, encryption),
 * network adapters (MAC changes), OS version / build, hardware serial / model / BIOS.
 *
 * Pure. Noisy fields (used bytes, addresses handed out by DHCP, logged-in users) are ignored, and a
 * section missing on either side is "unknown this run", never "everything removed". `security` is
 * not diffed at all: antivirus definitions (`definitionsVersion`/`definitionsUpdatedAt`) move daily
 * and would bury real changes; the device page shows the current posture instead. If security is
 * ever diffed, leave those two fields out of the comparison.
 */
export function diffInventories(before: Doc | undefined, after: Doc): ChangeDraft[] {
  if (before === undefined) return [];
  const out = [
    ...diffSystem(before, after),
    ...diffOs(before, after),
    ...both(before.cpu, after.cpu, (a, b) => fieldChanges('cpu', 'CPU ', a, b, [['brand', 'model'], ['cores', 'threads']], show)),
    ...both(before.memory, after.memory, (a, b) =>
      a.totalBytes === b.totalBytes
        ? []
        : [{ section: 'memory', kind: 'changed', summary: `Memory ${formatBytes(a.totalBytes)} → ${formatBytes(b.totalBytes)}`, before: { totalBytes: a.totalBytes }, after: { totalBytes: b.totalBytes } }],
    ),
    ...both(before.disks, after.disks, diffDisks),
    ...both(before.volumes, after.volumes, diffVolumes),
    ...both(before.network, after.network, (a, b) => diffAdapters(a.adapters, b.adapters)),
    ...both(before.software, after.software, diffSoftware),
  ];
  if (out.length <= MAX_CHANGES_PER_INVENTORY) return out;
  const kept = out.slice(0, MAX_CHANGES_PER_INVENTORY - 1);
  const rest = out.length - kept.length;
  return [...kept, { section: 'inventory', kind: 'changed', summary: `…and ${rest} more changes in this inventory`, before: null, after: null }];
}

function both<T>(a: T | undefined, b: T | undefined, fn: (a: T, b: T) => ChangeDraft[]): ChangeDraft[] {
  return a === undefined || b === undefined ? [] : fn(a, b);
}

function diffSystem(before: Doc, after: Doc): ChangeDraft[] {
  return [
    ...both(before.system, after.system, (a, b) =>
      fieldChanges('system', '', a, b, [['manufacturer', 'Manufacturer'], ['model', 'Model'], ['serial', 'Serial number'], ['uuid', 'Hardware UUID']], show),
    ),
    ...both(before.hardware, after.hardware, (a, b) =>
      fieldChanges('hardware', '', a, b, [['biosVendor', 'BIOS vendor'], ['biosVersion', 'BIOS version'], ['biosDate', 'BIOS date'], ['baseboardModel', 'Baseboard model'], ['baseboardSerial', 'Baseboard serial'], ['assetTag', 'Asset tag'], ['secureBoot', 'Secure Boot']], show),
    ),
  ];
}

function diffOs(before: Doc, after: Doc): ChangeDraft[] {
  return both(before.os, after.os, (a, b) =>
    fieldChanges('os', 'OS ', a, b, [['distro', 'name'], ['release', 'version'], ['build', 'build'], ['kernel', 'kernel'], ['arch', 'architecture'], ['hostname', 'host name'], ['domain', 'domain']], show),
  );
}

const diskKey = (d: Disk): string | null => d.device ?? d.serial ?? d.model;
const diskLabel = (d: Disk): string => `Disk ${show(d.model)}${d.serial ? ` (${show(d.serial, 40)})` : ''}${d.sizeBytes ? ` ${formatBytes(d.sizeBytes)}` : ''}`;

function diffDisks(before: readonly Disk[], after: readonly Disk[]): ChangeDraft[] {
  return diffKeyedList<Disk>(
    {
      section: 'disks',
      key: diskKey,
      label: diskLabel,
      compare: (a, b) => {
        if ((a.serial ?? null) !== (b.serial ?? null)) {
          // Same slot, another drive: a swap, reported as such rather than as model/size noise.
          return [{ section: 'disks', kind: 'changed', summary: `Disk ${show(b.device)} serial changed ${show(a.serial)} → ${show(b.serial)} (${show(b.model)})`, before: a, after: b }];
        }
        return fieldChanges('disks', `Disk ${show(b.device)} `, a, b, [['model', 'model'], ['sizeBytes', 'size'], ['smartStatus', 'SMART status']], show);
      },
    },
    before,
    after,
  );
}

function diffVolumes(before: readonly Volume[], after: readonly Volume[]): ChangeDraft[] {
  return diffKeyedList<Volume>(
    {
      section: 'volumes',
      key: (v) => v.mount,
      label: (v) => `Volume ${show(v.mount)} (${show(v.fs)}, ${formatBytes(v.sizeBytes)})`,
      // usedBytes changes every minute: deliberately not compared.
      compare: (a, b) => fieldChanges('volumes', `Volume ${show(b.mount)} `, a, b, [['fs', 'file system'], ['sizeBytes', 'size'], ['encrypted', 'encrypted']], (v) => (typeof v === 'number' ? formatBytes(v) : show(v))),
    },
    before,
    after,
  );
}

function diffAdapters(before: readonly Adapter[], after: readonly Adapter[]): ChangeDraft[] {
  return diffKeyedList<Adapter>(
    {
      section: 'network',
      key: (a) => a.name,
      label: (a) => `Network adapter ${show(a.name)}${a.mac ? ` (${show(a.mac)})` : ''}`,
      compare: (a, b) => fieldChanges('network', `Network adapter ${show(b.name)} `, a, b, [['mac', 'MAC'], ['type', 'type']], show),
    },
    before,
    after,
  );
}

/** Identity of a product across runs: name + publisher, case-insensitive (versions move, names stay). */
export function softwareKey(s: Pick<Software, 'name' | 'publisher'>): string {
  return `${s.name.trim().toLowerCase()}\u0000${(s.publisher ?? '').trim().toLowerCase()}`;
}

function diffSoftware(before: readonly Software[], after: readonly Software[]): ChangeDraft[] {
  return diffKeyedList<Software>(
    {
      section: 'software',
      key: softwareKey,
      label: (s) => `Software ${show(s.name)} ${show(s.version, 40)}`,
      compare: (a, b) => {
        if ((a.version ?? '') === (b.version ?? '')) return [];
        const order = compareVersions(a.version ?? '', b.version ?? '');
        const kind = order < 0 ? 'upgraded' : order > 0 ? 'downgraded' : 'changed';
        return [{ section: 'software', kind, summary: `Software ${show(b.name)} ${show(a.version, 40)} → ${show(b.version, 40)}`, before: a, after: b }];
      },
    },
    before,
    after,
  ).map((c) => (c.kind === 'added' ? { ...c, summary: c.summary.replace(/ added$/, ' installed') } : c));
}
