import {
  AdminUserSchema,
  AgentReleaseListResponseSchema,
  AgentReleaseSchema,
  AgentUpdateFileListResponseSchema,
  AgentUpdateFileSchema,
  GroupListResponseSchema,
  type AgentRelease,
  type AgentReleaseListResponse,
  type AgentUpdateFile,
  type Group,
  type RegisterAgentReleaseRequest,
  type UpdateReleaseRolloutRequest,
  AgentInstallerListResponseSchema,
  type AgentInstaller,
  CreatedEnrollTokenSchema,
  EnrollTokenListResponseSchema,
  EnrollTokenSchema,
  MeResponseSchema,
  PendingDeviceListResponseSchema,
  SessionListResponseSchema,
  SiteAppearanceSchema,
  SiteListResponseSchema,
  TotpEnrollmentSchema,
  UserListResponseSchema,
  type AdminUser,
  type CreatedEnrollToken,
  type CreateEnrollTokenRequest,
  type CreateUserRequest,
  type EnrollToken,
  type MeResponse,
  type PendingDevice,
  type SessionInfo,
  type Site,
  type SiteAppearance,
  type SiteAppearanceUpdate,
  type TotpEnrollment,
  type UpdateUserRequest,
} from '@deskside/protocol';
import { createJsonCaller, type Schema } from './json-caller.js';

const OkSchema: Schema<{ ok: true }> = {
  safeParse: (v) => ((v as { ok?: unknown } | null)?.ok === true ? { success: true, data: { ok: true } } : { success: false }),
};

export interface AdminApiOptions {
  getToken: () => string | null;
  onUnauthorized: () => void;
  baseUrl?: string;
}

/** Users, enrolment tokens, pending devices, sites, and the signed-in person's TOTP and sessions. */
export interface AdminApi {
  me(): Promise<MeResponse>;
  users(): Promise<AdminUser[]>;
  createUser(request: CreateUserRequest): Promise<AdminUser>;
  updateUser(id: string, request: UpdateUserRequest): Promise<AdminUser>;
  sites(): Promise<Site[]>;
  /** A site's tray branding and default language. */
  siteAppearance(siteId: string): Promise<SiteAppearance>;
  setSiteAppearance(siteId: string, update: SiteAppearanceUpdate): Promise<SiteAppearance>;
  /** Installers an admin placed in the hub's data directory (agent-installers/). */
  agentInstallers(): Promise<AgentInstaller[]>;
  enrollTokens(): Promise<EnrollToken[]>;
  createEnrollToken(request: CreateEnrollTokenRequest): Promise<CreatedEnrollToken>;
  revokeEnrollToken(id: string): Promise<EnrollToken>;
  pendingDevices(): Promise<PendingDevice[]>;
  decideDevice(id: string, verdict: 'approve' | 'reject'): Promise<void>;
  beginTotp(): Promise<TotpEnrollment>;
  confirmTotp(code: string): Promise<void>;
  removeTotp(code: string): Promise<void>;
  sessions(): Promise<SessionInfo[]>;
  revokeSession(id: string): Promise<void>;
  /** Agent releases with their rollout, and the versions devices run (#17). */
  agentReleases(): Promise<AgentReleaseListResponse>;
  registerAgentRelease(request: RegisterAgentReleaseRequest): Promise<AgentRelease>;
  updateReleaseRollout(releaseId: string, patch: UpdateReleaseRolloutRequest): Promise<AgentRelease>;
  agentUpdateFiles(): Promise<AgentUpdateFile[]>;
  /** Uploads a file for releases; the answer is what the manifest's files entry needs. */
  uploadAgentUpdateFile(file: File): Promise<AgentUpdateFile>;
  /** Groups, for choosing a release's pilot ring. */
  groups(): Promise<Group[]>;
}

export function createAdminApi(options: AdminApiOptions): AdminApi {
  const json = createJsonCaller(options);
  const id = (value: string) => encodeURIComponent(value);
  return {
    me: () => json('GET', '/api/v1/me', MeResponseSchema),
    users: async () => (await json('GET', '/api/v1/users', UserListResponseSchema)).users,
    createUser: (request) => json('POST', '/api/v1/users', AdminUserSchema, request),
    updateUser: (userId, request) => json('PATCH', `/api/v1/users/${id(userId)}`, AdminUserSchema, request),
    sites: async () => (await json('GET', '/api/v1/sites', SiteListResponseSchema)).sites,
    siteAppearance: (siteId) => json('GET', `/api/v1/sites/${id(siteId)}/appearance`, SiteAppearanceSchema),
    setSiteAppearance: (siteId, update) => json('PUT', `/api/v1/sites/${id(siteId)}/appearance`, SiteAppearanceSchema, update),
    agentInstallers: async () => (await json('GET', '/api/v1/agent-installers', AgentInstallerListResponseSchema)).installers,
    enrollTokens: async () => (await json('GET', '/api/v1/enroll-tokens', EnrollTokenListResponseSchema)).enrollTokens,
    createEnrollToken: (request) => json('POST', '/api/v1/enroll-tokens', CreatedEnrollTokenSchema, request),
    revokeEnrollToken: (tokenId) => json('DELETE', `/api/v1/enroll-tokens/${id(tokenId)}`, EnrollTokenSchema),
    pendingDevices: async () => (await json('GET', '/api/v1/devices-pending', PendingDeviceListResponseSchema)).devices,
    decideDevice: async (deviceId, verdict) => void (await json('POST', `/api/v1/devices/${id(deviceId)}/${verdict}`, OkSchema)),
    beginTotp: () => json('POST', '/api/v1/me/totp', TotpEnrollmentSchema),
    confirmTotp: async (code) => void (await json('POST', '/api/v1/me/totp/confirm', OkSchema, { code })),
    removeTotp: async (code) => void (await json('DELETE', '/api/v1/me/totp', OkSchema, { code })),
    sessions: async () => (await json('GET', '/api/v1/me/sessions', SessionListResponseSchema)).sessions,
    revokeSession: async (sessionId) => void (await json('DELETE', `/api/v1/sessions/${id(sessionId)}`, OkSchema)),
    agentReleases: () => json('GET', '/api/v1/agent-releases', AgentReleaseListResponseSchema),
    registerAgentRelease: (request) => json('POST', '/api/v1/agent-releases', AgentReleaseSchema, request),
    updateReleaseRollout: (releaseId, patch) => json('PATCH', `/api/v1/agent-releases/${id(releaseId)}`, AgentReleaseSchema, patch),
    agentUpdateFiles: async () => (await json('GET', '/api/v1/agent-update-files', AgentUpdateFileListResponseSchema)).files,
    uploadAgentUpdateFile: (file) => json('PUT', `/api/v1/agent-update-files/${id(file.name)}`, AgentUpdateFileSchema, file),
    groups: async () => (await json('GET', '/api/v1/groups', GroupListResponseSchema)).groups,
  };
}
