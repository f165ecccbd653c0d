import {
  AgentReleaseManifestSchema,
  compareReleaseVersions,
  SignedAgentReleaseSchema,
  type AgentRelease,
  type AgentReleaseCheck,
  type AgentReleaseCheckAck,
  type AgentReleaseListResponse,
  type AgentReleaseManifest,
  type RegisterAgentReleaseRequest,
  type UpdateReleaseRolloutRequest,
} from '@deskside/protocol';
import type { AgentReleaseRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { AuditService } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { actorOf } from '../admin/admin-deps.js';
import { ServiceError } from '../service-error.js';
import { feedYaml, type FeedFile } from './feed-yaml.js';
import { ringsReach } from './rollout-rings.js';
import { UPDATE_FILES_PATH, type UpdateFiles } from './update-files.js';

export interface ReleaseServiceDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  audit: AuditService;
  files: UpdateFiles;
  /** The groups a device is in now (pilot rings are groups). */
  groupsOfDevice: (deviceId: string) => Promise<string[]>;
}

/**
 * Agent releases on the hub (#17): an admin registers metadata signed on their own machine
 * (`deskside-agent release sign`; the hub never holds the key and hands the signed text to agents
 * unchanged, they verify it), rolls it out by rings (pilot groups, then a percentage, within
 * sites), pauses or withdraws it; each agent asks which release it should run.
 */
export function createReleaseService(deps: ReleaseServiceDeps) {
  const { store, clock, audit, files } = deps;
  const present = (r: AgentReleaseRecord, counts: Map<string, number>): AgentRelease => {
    const manifest = manifestOf(r);
    return {
      id: r.id,
      channel: r.channel,
      version: r.version,
      rollback: r.rollback,
      notes: manifest.notes,
      issuedAt: r.issuedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      keyId: r.keyId,
      files: manifest.files,
      rollout: { state: r.state, pilotGroupIds: r.pilotGroupIds, percent: r.percent, siteIds: r.siteIds },
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      updatedAt: r.updatedAt.toISOString(),
      devicesOn: counts.get(`${r.channel}\n${r.version}`) ?? 0,
    };
  };
  const countsNow = async () => {
    const versions = await store.agentReleases.versionCounts();
    return { versions, counts: new Map(versions.map((v) => [`${v.channel}\n${v.version}`, v.devices])) };
  };
  const checkRings = async (patch: UpdateReleaseRolloutRequest) => {
    for (const id of patch.pilotGroupIds ?? []) {
      if (!(await store.groups.findById(id))) throw new ServiceError('bad_request', `There is no group ${id}.`);
    }
    const sites = new Set((await store.sites.list()).map((s) => s.id));
    for (const id of patch.siteIds ?? []) if (!sites.has(id)) throw new ServiceError('bad_request', `There is no site ${id}.`);
  };

  return {
    async list(): Promise<AgentReleaseListResponse> {
      const { versions, counts } = await countsNow();
      return { releases: (await store.agentReleases.list()).map((r) => present(r, counts)), versions };
    },

    async register(by: AuthenticatedUser, request: RegisterAgentReleaseRequest): Promise<AgentRelease> {
      const manifest = parseManifest(request.signed.manifest);
      const now = clock();
      if (Date.parse(manifest.expiresAt) <= now.getTime()) throw new ServiceError('bad_request', `This metadata expired at ${manifest.expiresAt}: sign it again with a later expiresAt.`);
      for (const file of manifest.files) await checkFile(files, file);
      const rollout = { state: 'paused' as const, pilotGroupIds: [], percent: 0, siteIds: [], ...request.rollout };
      if (rollout.state === 'withdrawn') throw new ServiceError('bad_request', 'A new release starts rolling or paused.');
      await checkRings(rollout);
      const issuedAt = new Date(manifest.issuedAt);
      if (await store.agentReleases.findByIssue(manifest.channel, manifest.version, issuedAt)) {
        throw new ServiceError('conflict', `${manifest.version} issued at ${manifest.issuedAt} is already registered on channel ${manifest.channel}.`);
      }
      const record: AgentReleaseRecord = {
        id: deps.newId(),
        channel: manifest.channel,
        version: manifest.version,
        rollback: manifest.rollback,
        issuedAt,
        expiresAt: new Date(manifest.expiresAt),
        keyId: request.signed.keyId,
        signed: JSON.stringify(request.signed),
        ...rollout,
        createdBy: (await actorOf(deps, by)).name,
        createdAt: now,
        updatedAt: now,
      };
      await store.agentReleases.create(record);
      await audit.record(await actorOf(deps, by), 'agent-release.register', `agent-release:${record.id}`, { channel: record.channel, version: record.version, rollback: record.rollback, keyId: record.keyId, ...rollout });
      return present(record, (await countsNow()).counts);
    },

    async updateRollout(by: AuthenticatedUser, id: string, patch: UpdateReleaseRolloutRequest): Promise<AgentRelease> {
      const current = await store.agentReleases.findById(id);
      if (!current) throw new ServiceError('not_found', 'No such release.');
      if (current.state === 'withdrawn') throw new ServiceError('conflict', 'This release was withdrawn; register a new one instead.');
      await checkRings(patch);
      const updated = await store.agentReleases.updateRollout(id, patch, clock());
      if (!updated) throw new ServiceError('not_found', 'No such release.');
      await audit.record(await actorOf(deps, by), 'agent-release.rollout', `agent-release:${id}`, { version: updated.version, ...patch });
      return present(updated, (await countsNow()).counts);
    },

    /**
     * What a device should run: the newest-issued rolling release of its channel whose rings reach
     * it and that has a file for it; null when that is what it runs, or an older version not
     * signed as a rollback (a paused or narrowed rollout leaves devices where they are). Records
     * the version the device reported, for the Releases page.
     */
    async check(device: { id: string; siteId: string }, check: AgentReleaseCheck): Promise<AgentReleaseCheckAck> {
      const now = clock();
      await store.agentReleases.reportVersion(device.id, check.channel, check.installedVersion, now);
      const offered = await store.agentReleases.offered(check.channel, now);
      let groupIds: string[] | null = null;
      for (const release of offered) {
        if (release.pilotGroupIds.length > 0 && groupIds === null) groupIds = await deps.groupsOfDevice(device.id);
        if (!ringsReach(release, { ...device, groupIds: groupIds ?? [] })) continue;
        const manifest = manifestOf(release);
        if (!manifest.files.some((f) => f.platform === check.platform && f.arch === check.arch && f.kind === check.kind)) continue;
        const order = compareReleaseVersions(release.version, check.installedVersion);
        if (order === 0 || (order < 0 && !release.rollback)) return { release: null };
        return { release: { id: release.id, signed: SignedAgentReleaseSchema.parse(JSON.parse(release.signed)) } };
      }
      return { release: null };
    },

    /** electron-updater's channel file for a release (the public feed the tray points at), or null. */
    async feed(id: string, feed: FeedFile, arch: 'x64' | 'arm64' = 'x64'): Promise<string | null> {
      const release = await store.agentReleases.findById(id);
      return release ? feedYaml(manifestOf(release), feed, arch) : null;
    },
  };
}

export type ReleaseService = ReturnType<typeof createReleaseService>;

function parseManifest(text: string): AgentReleaseManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceError('bad_request', 'The signed manifest is not JSON.');
  }
  const parsed = AgentReleaseManifestSchema.safeParse(json);
  if (!parsed.success) throw new ServiceError('bad_request', `The signed manifest is not a release manifest: ${parsed.error.issues.map((i) => i.path.join('.') || 'manifest').join(', ')}.`);
  return parsed.data;
}

function manifestOf(record: AgentReleaseRecord): AgentReleaseManifest {
  return AgentReleaseManifestSchema.parse(JSON.parse(SignedAgentReleaseSchema.parse(JSON.parse(record.signed)).manifest));
}

/** A file on this hub must be here with the signed size and hash; elsewhere it must be https. */
async function checkFile(files: UpdateFiles, file: AgentReleaseManifest['files'][number]): Promise<void> {
  if (file.url.startsWith(UPDATE_FILES_PATH)) {
    let name: string;
    try {
      name = decodeURIComponent(file.url.slice(UPDATE_FILES_PATH.length));
    } catch {
      throw new ServiceError('bad_request', `${file.url} is not a valid path.`);
    }
    const here = await files.describe(name);
    if (!here) throw new ServiceError('bad_request', `${name} is not on this hub: upload it first.`);
    if (here.size !== file.size || here.sha512 !== file.sha512) throw new ServiceError('bad_request', `${name} on this hub does not match the signed size and SHA-512.`);
    return;
  }
  if (!URL.canParse(file.url) || new URL(file.url).protocol !== 'https:') throw new ServiceError('bad_request', `${file.url}: files are on this hub (${UPDATE_FILES_PATH}…) or at an https URL.`);
}
