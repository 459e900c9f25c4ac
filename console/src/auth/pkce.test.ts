import { describe, expect, it } from 'vitest';
import { base64Url, codeChallenge, randomString } from './pkce';

describe('PKCE', () => {
  it('derives the RFC 7636 appendix B challenge from its verifier', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of unreserved characters within the allowed length', () => {
    const verifier = randomString();
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    expect(randomString()).not.toBe(verifier);
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });
});
