import { sortDays, type DayOfWeek, type Site, type SiteRequest } from '../api/models';
import { splitList } from '../jobs/validation';
import { cidrProblem } from './cidr';

/** One transfer window row as edited. */
export interface WindowForm {
  days: DayOfWeek[];
  start: string;
  end: string;
}

/** The site form's fields, as typed. */
export interface SiteForm {
  name: string;
  subnets: string;
  wanBudgetMbps: string;
  windows: WindowForm[];
}

export const emptySiteForm: SiteForm = { name: '', subnets: '', wanBudgetMbps: '', windows: [] };

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

export function siteToForm(site: Site): SiteForm {
  return {
    name: site.name,
    subnets: site.subnets.join('\n'),
    wanBudgetMbps: String((site.wanBudgetBytesPerSecond * 8) / 1e6),
    windows: site.transferWindows.map((w) => ({ days: sortDays(w.days), start: w.start.slice(0, 5), end: w.end.slice(0, 5) })),
  };
}

/** Checks the form as SiteRequest will, keyed by request field ("transferWindows[0]" for a window row). */
export function validateSite(form: SiteForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = 'A name is required.';
  else if (form.name.length > 100) errors.name = 'The name is at most 100 characters.';
  else if (!NAME.test(form.name)) errors.name = "The name may hold letters, digits, spaces, '.', '_' and '-', starting with a letter or digit.";
  const subnets = splitList(form.subnets);
  if (!subnets.length) errors.subnets = 'List at least one subnet in CIDR notation, e.g. 10.20.0.0/16.';
  else if (subnets.length > 64) errors.subnets = 'At most 64 subnets per site.';
  else {
    const problems = subnets.map(cidrProblem).filter(Boolean);
    if (problems.length) errors.subnets = problems.join('\n');
  }
  const mbps = Number(form.wanBudgetMbps);
  if (!form.wanBudgetMbps.trim()) errors.wanBudgetBytesPerSecond = 'The WAN budget is required.';
  else if (!Number.isFinite(mbps) || mbps <= 0) errors.wanBudgetBytesPerSecond = 'The WAN budget must be a positive number of Mbit/s.';
  else if (mbps > 100_000) errors.wanBudgetBytesPerSecond = 'The WAN budget is at most 100 Gbit/s (100000 Mbit/s).';
  if (form.windows.length > 16) errors.transferWindows = 'At most 16 transfer windows.';
  form.windows.forEach((w, i) => {
    if (!w.days.length) errors[`transferWindows[${i}]`] = 'Choose at least one day.';
    else if (!w.start || !w.end) errors[`transferWindows[${i}]`] = 'Give a start and an end time.';
  });
  return errors;
}

export function toSiteRequest(form: SiteForm): SiteRequest {
  return {
    name: form.name.trim(),
    subnets: splitList(form.subnets),
    wanBudgetBytesPerSecond: Math.round((Number(form.wanBudgetMbps) * 1e6) / 8),
    transferWindows: form.windows.map((w) => ({ days: w.days, start: w.start, end: w.end })),
  };
}
