import { describe, expect, it } from 'vitest';
import { cidrProblem } from './cidr';

describe('cidrProblem', () => {
  it('accepts IPv4 and IPv6 networks', () => {
    expect(['10.20.0.0/16', '192.168.1.0/24', '0.0.0.0/0', '10.1.2.3/32', '2001:db8::/32', 'fd00:1:2::/48', '::/0'].map(cidrProblem)).toEqual(Array(7).fill(null));
  });

  it('explains what is wrong, like the server does', () => {
    expect(cidrProblem('10.20.0.0')).toMatch(/is not CIDR notation/);
    expect(cidrProblem('example.com/24')).toMatch(/does not start with an IPv4 or IPv6 address/);
    expect(cidrProblem('300.1.1.0/24')).toMatch(/does not start with/);
    expect(cidrProblem('10.0.0.0/33')).toMatch(/prefix length outside 0..32/);
    expect(cidrProblem('10.20.30.0/16')).toBe("'10.20.30.0/16' has host bits set; did you mean 10.20.0.0/16?");
    expect(cidrProblem('2001:db8::1/32')).toBe("'2001:db8::1/32' has host bits set; did you mean 2001:db8::/32?");
  });
});
