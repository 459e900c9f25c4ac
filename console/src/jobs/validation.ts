import type { JobRequest } from '../api/models';

/** The New job form's fields, as typed. */
export interface JobForm {
  name: string;
  artifactId: string;
  siteIds: string[];
  labels: string;
  agentIds: string;
  startAt: string;
  deadline: string;
  wanCapMbps: string;
  draft: boolean;
}

export const emptyJobForm: JobForm = { name: '', artifactId: '', siteIds: [], labels: '', agentIds: '', startAt: '', deadline: '', wanCapMbps: '', draft: false };

const LABEL = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,62}$/;

/** The first entry that is not a valid agent label, as a message; null when all are fine. */
export function labelProblem(labels: string[]): string | null {
  const bad = labels.find((l) => !LABEL.test(l));
  return bad === undefined ? null : `"${bad}" is not a label: 1-63 letters, digits or ._:/-, starting with a letter or digit.`;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits a comma- or space-separated list, dropping empty entries. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function targetsOf(form: JobForm) {
  return { siteIds: form.siteIds, labels: splitList(form.labels), agentIds: splitList(form.agentIds) };
}

/**
 * Checks the form the way the server will (JobRequest, JobTargets) and names the request field each message belongs
 * to, so server messages (problem errors[]) land on the same inputs.
 */
export function validateJob(form: JobForm, now = Date.now()): Record<string, string> {
  const errors: Record<string, string> = {};
  const targets = targetsOf(form);
  if (!form.artifactId) errors.artifactId = 'Choose an artifact.';
  if (form.name.length > 200) errors.name = 'The name is at most 200 characters.';
  if (!targets.siteIds.length && !targets.labels.length && !targets.agentIds.length) errors.targets = 'Choose at least one site, label or agent.';
  const badLabel = labelProblem(targets.labels);
  if (badLabel) errors['targets.labels'] = badLabel;
  const badAgent = targets.agentIds.find((a) => !UUID.test(a));
  if (badAgent) errors['targets.agentIds'] = `"${badAgent}" is not an agent id (a UUID).`;
  const start = form.startAt ? Date.parse(form.startAt) : now;
  if (form.deadline && Date.parse(form.deadline) <= start) errors.deadline = 'The deadline must be after the start.';
  if (form.deadline && Date.parse(form.deadline) <= now) errors.deadline = 'The deadline is in the past.';
  if (form.wanCapMbps) {
    const mbps = Number(form.wanCapMbps);
    if (!Number.isFinite(mbps) || mbps <= 0) errors.wanCapBytesPerSecond = 'The WAN cap must be a positive number of Mbit/s.';
    else if (mbps > 100_000) errors.wanCapBytesPerSecond = 'The WAN cap is at most 100 Gbit/s (100000 Mbit/s).';
  }
  return errors;
}

/** The request body for a valid form; datetime-local values are the admin's local time. */
export function toJobRequest(form: JobForm): JobRequest {
  return {
    artifactId: form.artifactId,
    name: form.name.trim() || undefined,
    targets: targetsOf(form),
    startAt: form.startAt ? new Date(form.startAt).toISOString() : undefined,
    deadline: form.deadline ? new Date(form.deadline).toISOString() : undefined,
    wanCapBytesPerSecond: form.wanCapMbps ? Math.round((Number(form.wanCapMbps) * 1e6) / 8) : undefined,
    draft: form.draft,
  };
}
