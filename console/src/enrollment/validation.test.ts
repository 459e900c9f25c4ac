import { describe, expect, it } from 'vitest';
import { emptyEnrollmentForm, toEnrollmentRequest, validateEnrollment } from './validation';

const valid = { ...emptyEnrollmentForm, siteId: '6f1c2a8e-0000-4000-8000-000000000001' };

describe('validateEnrollment', () => {
  it('accepts the defaults once a site is chosen', () => {
    expect(validateEnrollment(valid)).toEqual({});
  });

  it('asks for a site', () => {
    expect(validateEnrollment(emptyEnrollmentForm).siteId).toMatch(/site/);
  });

  it('keeps expiry between one hour and thirty days, keyed as the API field', () => {
    expect(validateEnrollment({ ...valid, expiresInHours: '0' }).expiresInSeconds).toMatch(/30 days/);
    expect(validateEnrollment({ ...valid, expiresInHours: '721' }).expiresInSeconds).toBeDefined();
    expect(validateEnrollment({ ...valid, expiresInHours: '1.5' }).expiresInSeconds).toBeDefined();
    expect(validateEnrollment({ ...valid, expiresInHours: '720' }).expiresInSeconds).toBeUndefined();
  });

  it('keeps max uses between 1 and 10,000', () => {
    expect(validateEnrollment({ ...valid, maxUses: '0' }).maxUses).toMatch(/10,000/);
    expect(validateEnrollment({ ...valid, maxUses: '10001' }).maxUses).toBeDefined();
    expect(validateEnrollment({ ...valid, maxUses: 'many' }).maxUses).toBeDefined();
  });

  it('names the first bad label', () => {
    expect(validateEnrollment({ ...valid, labels: 'kiosk, -bad' }).labels).toMatch(/"-bad"/);
  });
});

describe('toEnrollmentRequest', () => {
  it('converts hours to seconds and splits labels', () => {
    expect(toEnrollmentRequest({ ...valid, expiresInHours: '48', maxUses: '25', labels: 'kiosk lab' })).toEqual({
      siteId: valid.siteId, expiresInSeconds: 172_800, maxUses: 25, labels: ['kiosk', 'lab'],
    });
  });
});
