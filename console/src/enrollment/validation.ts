import type { EnrollmentTokenRequest } from '../api/models';
import { labelProblem, splitList } from '../jobs/validation';

/** The enrollment-token form's fields, as typed. */
export interface EnrollmentForm {
  siteId: string;
  expiresInHours: string;
  maxUses: string;
  labels: string;
}

export const emptyEnrollmentForm: EnrollmentForm = { siteId: '', expiresInHours: '24', maxUses: '1', labels: '' };

/** Limits of POST /api/v1/enrollment-tokens: up to 30 days, 10,000 machines, 32 labels. */
export const MAX_EXPIRY_HOURS = 30 * 24;
export const MAX_USES = 10_000;
const MAX_LABELS = 32;

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Checks the form as the API will, keyed by request field. */
export function validateEnrollment(form: EnrollmentForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.siteId) errors.siteId = 'Choose the site the new agents belong to.';
  const hours = wholeNumber(form.expiresInHours);
  if (hours === null || hours < 1 || hours > MAX_EXPIRY_HOURS) errors.expiresInSeconds = `Between 1 and ${MAX_EXPIRY_HOURS} hours (30 days).`;
  const uses = wholeNumber(form.maxUses);
  if (uses === null || uses < 1 || uses > MAX_USES) errors.maxUses = `Between 1 and ${MAX_USES.toLocaleString('en')} machines.`;
  const labels = splitList(form.labels);
  if (labels.length > MAX_LABELS) errors.labels = `At most ${MAX_LABELS} labels.`;
  else {
    const bad = labelProblem(labels);
    if (bad) errors.labels = bad;
  }
  return errors;
}

export function toEnrollmentRequest(form: EnrollmentForm): EnrollmentTokenRequest {
  return {
    siteId: form.siteId,
    expiresInSeconds: Number(form.expiresInHours.trim()) * 3600,
    maxUses: Number(form.maxUses.trim()),
    labels: splitList(form.labels),
  };
}
