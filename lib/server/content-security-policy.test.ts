import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce } from './content-security-policy';

const scriptSources = (policy: string) =>
  policy
    .split('; ')
    .find((directive) => directive.startsWith('script-src '))
    ?.split(' ')
    .slice(1);

describe('contentSecurityPolicy', () => {
  it('lets scripts run only by the nonce and what they load, never inline or by eval', () => {
    const sources = scriptSources(contentSecurityPolicy('abc123'));
    expect(sources).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
  });

  it('allows eval in a development build only, where React needs it', () => {
    expect(scriptSources(contentSecurityPolicy('abc123', { development: true }))).toContain("'unsafe-eval'");
  });

  it('keeps framing, plugins, base and form targets closed', () => {
    const policy = contentSecurityPolicy('abc123');
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(policy.split('; ')).toContain(directive);
    }
  });
});

describe('makeNonce', () => {
  it('is 128 random bits in base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
