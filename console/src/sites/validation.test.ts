import { describe, expect, it } from 'vitest';
import { emptySiteForm, toSiteRequest, validateSite } from './validation';

describe('validateSite', () => {
  it('requires name, subnets and WAN budget', () => {
    expect(Object.keys(validateSite(emptySiteForm)).sort()).toEqual(['name', 'subnets', 'wanBudgetBytesPerSecond']);
  });

  it('reports every bad subnet and incomplete windows', () => {
    const errors = validateSite({
      name: 'Berlin HQ', subnets: '10.20.0.0/16\n10.21.5.0/16, nonsense', wanBudgetMbps: '50',
      windows: [{ days: [], start: '19:00', end: '06:00' }],
    });
    expect(errors.subnets).toContain('did you mean 10.21.0.0/16?');
    expect(errors.subnets).toContain("'nonsense' is not CIDR notation");
    expect(errors['transferWindows[0]']).toBe('Choose at least one day.');
  });

  it('builds the request in bytes per second', () => {
    const form = { name: 'Aachen', subnets: '10.1.0.0/16', wanBudgetMbps: '20', windows: [{ days: ['MONDAY' as const], start: '19:00', end: '06:00' }] };
    expect(validateSite(form)).toEqual({});
    expect(toSiteRequest(form)).toEqual({ name: 'Aachen', subnets: ['10.1.0.0/16'], wanBudgetBytesPerSecond: 2_500_000, transferWindows: [{ days: ['MONDAY'], start: '19:00', end: '06:00' }] });
  });
});
