import { describe, expect, it } from 'vitest';
import type { EnrollmentToken } from '../api/models';
import { tokenState } from '../pages/EnrollmentPage';

const base: EnrollmentToken = {
  id: 't', siteId: 's', labels: [], expiresAt: '2026-12-01T00:00:00Z', maxUses: 3, uses: 1,
  createdBy: 'admin', createdAt: '2026-11-26T00:00:00Z', revokedAt: null,
};
const now = Date.parse('2026-11-30T00:00:00Z');

describe('tokenState', () => {
  it('is active while valid, unused and not revoked', () => {
    expect(tokenState(base, now)).toBe('active');
  });
  it('says revoked first, then expired, then used up', () => {
    expect(tokenState({ ...base, revokedAt: '2026-11-27T00:00:00Z', uses: 3 }, now)).toBe('revoked');
    expect(tokenState({ ...base, uses: 3 }, Date.parse('2026-12-02T00:00:00Z'))).toBe('expired');
    expect(tokenState({ ...base, uses: 3 }, now)).toBe('used');
  });
});
