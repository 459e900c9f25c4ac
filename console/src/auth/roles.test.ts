import { describe, expect, it } from 'vitest';
import { allows, roleOf } from './roles';

describe('roles', () => {
  it('takes the strongest console role of the claim', () => {
    expect(roleOf({ roles: ['default-roles-branchcast', 'viewer', 'operator'] })).toBe('operator');
    expect(roleOf({ roles: ['admin'] })).toBe('admin');
  });

  it('gives no role to a token without console roles', () => {
    expect(roleOf({ roles: ['agent'] })).toBeNull();
    expect(roleOf({})).toBeNull();
  });

  it('lets stronger roles do what weaker ones may', () => {
    expect(allows('admin', 'operator')).toBe(true);
    expect(allows('operator', 'operator')).toBe(true);
    expect(allows('viewer', 'operator')).toBe(false);
    expect(allows(null, 'viewer')).toBe(false);
  });
});
