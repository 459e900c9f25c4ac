import { withQuery, xhrError, type ApiClient, type Query } from './client';
import type { Agent, AgentJob, Artifact, AuditEvent, DeliveryStats, EnrollmentToken, EnrollmentTokenRequest, Job, JobAction, JobRequest, JobSite, JobTarget, JobTargets, Page, Site, SiteRequest } from './models';
import { networkError } from './problem';

/** The control plane's endpoints, typed. One function per call the console makes. */
export const endpoints = {
  sites: (api: ApiClient) => api.get<Site[]>('/api/v1/sites'),
  createSite: (api: ApiClient, body: SiteRequest) => api.post<Site>('/api/v1/sites', body),
  updateSite: (api: ApiClient, id: string, body: SiteRequest) => api.put<Site>(`/api/v1/sites/${id}`, body),
  deleteSite: (api: ApiClient, id: string) => api.delete(`/api/v1/sites/${id}`),

  agents: (api: ApiClient, query: Query) => api.get<Page<Agent>>('/api/v1/agents', query),
  agent: (api: ApiClient, id: string) => api.get<Agent>(`/api/v1/agents/${id}`),
  revokeAgent: (api: ApiClient, id: string) => api.post<Agent>(`/api/v1/agents/${id}/revoke`),
  agentJobs: (api: ApiClient, id: string, query: Query) => api.get<Page<AgentJob>>(`/api/v1/agents/${id}/jobs`, query),

  enrollmentTokens: (api: ApiClient, query: Query) => api.get<Page<EnrollmentToken>>('/api/v1/enrollment-tokens', query),
  createEnrollmentToken: (api: ApiClient, body: EnrollmentTokenRequest) => api.post<EnrollmentToken>('/api/v1/enrollment-tokens', body),
  revokeEnrollmentToken: (api: ApiClient, id: string) => api.delete(`/api/v1/enrollment-tokens/${id}`),

  jobs: (api: ApiClient, query: Query) => api.get<Page<Job>>('/api/v1/jobs', query),
  job: (api: ApiClient, id: string) => api.get<Job>(`/api/v1/jobs/${id}`),
  jobTargets: (api: ApiClient, id: string, query: Query) => api.get<Page<JobTarget>>(`/api/v1/jobs/${id}/targets`, query),
  jobSites: (api: ApiClient, id: string) => api.get<JobSite[]>(`/api/v1/jobs/${id}/sites`),
  createJob: (api: ApiClient, body: JobRequest) => api.post<Job>('/api/v1/jobs', body),
  previewTargets: (api: ApiClient, targets: JobTargets) => api.post<{ agents: number }>('/api/v1/jobs/target-preview', targets),
  actOnJob: (api: ApiClient, id: string, action: JobAction) => api.post<Job>(`/api/v1/jobs/${id}/${action}`),
  jobStreamPath: (id: string) => `/api/v1/jobs/${id}/stream`,

  artifacts: (api: ApiClient, query: Query) => api.get<Page<Artifact>>('/api/v1/artifacts', query),
  artifact: (api: ApiClient, id: string) => api.get<Artifact>(`/api/v1/artifacts/${id}`),
  deleteArtifact: (api: ApiClient, id: string) => api.delete(`/api/v1/artifacts/${id}`),
  downloadTorrent: (api: ApiClient, artifact: Artifact) => api.download(artifact.links.torrent, `${artifact.name}-${artifact.version}.torrent`),

  deliveryStats: (api: ApiClient, window: DeliveryStats['window']) => api.get<DeliveryStats>('/api/v1/stats/delivery', { window }),

  audit: (api: ApiClient, query: Query) => api.get<Page<AuditEvent>>('/api/v1/audit', query),
};

/** An upload in flight: its outcome, and how to stop it. */
export interface Upload {
  done: Promise<Artifact>;
  abort: () => void;
}

/**
 * Streams a file as an artifact (application/octet-stream, name and version as query parameters). XMLHttpRequest,
 * because fetch reports no upload progress.
 */
export function uploadArtifact(token: string, file: Blob, name: string, version: string, onProgress: (sent: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Artifact>((resolve, reject) => {
    xhr.open('POST', withQuery('/api/v1/artifacts', { name, version }));
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => (xhr.status === 201 ? resolve(JSON.parse(xhr.responseText) as Artifact) : reject(xhrError(xhr)));
    xhr.onerror = () => reject(networkError(new Error('the upload was interrupted')));
    xhr.onabort = () => reject(new Error('Upload cancelled.'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
