/** Typed mirrors of the control plane's API records (io.branchcast.controlplane.*View and requests). */

/** api.Page */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** sites.TransferWindow: a weekly period in the site's local time; end before start runs past midnight. */
export interface TransferWindow {
  days: DayOfWeek[];
  start: string;
  end: string;
}

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type DayOfWeek = (typeof DAYS)[number];

/** Days in calendar order (the API returns them as an unordered set). */
export function sortDays(days: DayOfWeek[]): DayOfWeek[] {
  return [...days].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
}

/** sites.AgentCounts: online and offline count active agents. */
export interface AgentCounts {
  online: number;
  offline: number;
  revoked: number;
}

/** sites.SiteView */
export interface Site {
  id: string;
  name: string;
  subnets: string[];
  wanBudgetBytesPerSecond: number;
  transferWindows: TransferWindow[];
  createdAt: string;
  updatedAt: string;
  agents: AgentCounts;
}

/** sites.SiteRequest */
export interface SiteRequest {
  name: string;
  subnets: string[];
  wanBudgetBytesPerSecond: number;
  transferWindows: TransferWindow[];
}

/** agents.AgentState: ENROLLING while its identity is being set up (never targeted). */
export const AGENT_STATES = ['ENROLLING', 'ACTIVE', 'REVOKED'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** agents.AgentView; `online` means it reported within the last two minutes. */
export interface Agent {
  id: string;
  clientId: string;
  hostname: string;
  machineId: string;
  siteId: string | null;
  labels: string[];
  agentVersion: string | null;
  state: AgentState;
  lastSeenAt: string | null;
  online: boolean;
  enrolledAt: string;
  revokedAt: string | null;
}

/** GET /api/v1/stats/delivery: bytes by source of the targets updated within the window. */
export interface DeliveryStats {
  window: '24h' | '7d';
  since: string;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  targets: number;
  targetsCompleted: number;
}

/** POST /api/v1/enrollment-tokens. */
export interface EnrollmentTokenRequest {
  siteId: string;
  expiresInSeconds: number;
  maxUses: number;
  labels: string[];
}

/** An enrollment token; `token` and `installCommand` only in the answer to its creation. */
export interface EnrollmentToken {
  id: string;
  siteId: string;
  labels: string[];
  expiresAt: string;
  maxUses: number;
  uses: number;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  token?: string;
  installCommand?: string;
}

export const ARTIFACT_STATES = ['HASHING', 'READY', 'FAILED', 'DELETED'] as const;
export type ArtifactState = (typeof ARTIFACT_STATES)[number];

/** artifacts.ArtifactView */
export interface Artifact {
  id: string;
  name: string;
  version: string;
  state: ArtifactState;
  sizeBytes: number | null;
  hashedBytes: number;
  sha256: string | null;
  pieceLength: number | null;
  pieceCount: number | null;
  infoHash: string | null;
  failure: string | null;
  createdBy: string;
  createdAt: string;
  readyAt: string | null;
  links: { self: string; content: string; manifest: string; torrent: string };
}

export const JOB_STATES = ['DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const ACTIVE_JOB_STATES: readonly JobState[] = ['SCHEDULED', 'RUNNING', 'PAUSED'];

export const TARGET_STATES = ['QUEUED', 'DOWNLOADING', 'VERIFYING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** jobs.JobTargets */
export interface JobTargets {
  siteIds: string[];
  labels: string[];
  agentIds: string[];
}

/** jobs.JobSummary */
export interface JobSummary {
  targets: Partial<Record<TargetState, number>>;
  totalTargets: number;
  bytesDone: number;
  bytesTotal: number;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  percent: number;
}

/** jobs.JobView */
export interface Job {
  id: string;
  name: string | null;
  artifactId: string;
  targets: JobTargets;
  startAt: string | null;
  deadline: string | null;
  priority: number;
  wanCapBytesPerSecond: number | null;
  seedingSeconds: number;
  state: JobState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  revision: number;
  summary: JobSummary | null;
}

/** jobs.JobRequest */
export interface JobRequest {
  artifactId: string;
  name?: string;
  targets: JobTargets;
  startAt?: string;
  deadline?: string;
  priority?: number;
  wanCapBytesPerSecond?: number;
  seedingSeconds?: number;
  draft?: boolean;
}

/** jobs.JobTargetView: one agent's row of a job. */
export interface JobTarget {
  agentId: string;
  hostname: string;
  siteId: string | null;
  state: TargetState;
  bytesDone: number;
  bytesTotal: number | null;
  percent: number;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: string | null;
  updatedAt: string | null;
  finishedAt: string | null;
}

/** jobs.AgentJobView: one job that targets an agent, with the agent's row of it. */
export interface AgentJob {
  jobId: string;
  jobName: string | null;
  jobState: JobState;
  artifactId: string;
  jobCreatedAt: string;
  target: JobTarget;
}

/** jobs.JobSiteView: a job's progress at one site; `siteId` and `siteName` are null for targets without a site. */
export interface JobSite {
  siteId: string | null;
  siteName: string | null;
  onlineAgents: number;
  summary: JobSummary;
}

/** contracts.events.JobProgress: one Server-Sent Event of /jobs/{id}/stream; `at` in epoch milliseconds. */
export interface JobProgress {
  jobId: string;
  state: JobState;
  targets: Partial<Record<TargetState, number>>;
  bytesDone: number;
  bytesTotal: number;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  percent: number;
  at: number;
}

/** audit.AuditResource.AuditView */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/** The job actions of JobResource. */
export type JobAction = 'schedule' | 'pause' | 'resume' | 'cancel' | 'retry';
