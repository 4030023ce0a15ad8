import { describe, expect, it } from 'vitest';
import { isHttpsRequest } from './transport';

const request = (forwardedProto?: string) =>
  new Headers(forwardedProto === undefined ? {} : { 'x-forwarded-proto': forwardedProto });

describe('isHttpsRequest', () => {
  it('believes BETTER_AUTH_URL for every request when it is set', () => {
    const https = { publicHttps: true, trustedProxies: 0 };
    const http = { publicHttps: false, trustedProxies: 1 };
    expect(isHttpsRequest(request(), https)).toBe(true);
    expect(isHttpsRequest(request('http'), https)).toBe(true);
    expect(isHttpsRequest(request('https'), http)).toBe(false);
  });

  it('without it, reads X-Forwarded-Proto only from a declared proxy', () => {
    expect(isHttpsRequest(request('https'), { trustedProxies: 0 })).toBe(false);
    expect(isHttpsRequest(request('https'), { trustedProxies: 1 })).toBe(true);
    expect(isHttpsRequest(request('HTTPS'), { trustedProxies: 1 })).toBe(true);
    expect(isHttpsRequest(request('http'), { trustedProxies: 1 })).toBe(false);
    expect(isHttpsRequest(request(), { trustedProxies: 1 })).toBe(false);
    expect(isHttpsRequest(request('wss'), { trustedProxies: 1 })).toBe(false);
  });

  it('takes the entry of the proxy nearest the browser, not one the client wrote before it', () => {
    // The client sent "http, https" itself; the one declared proxy appended "https".
    expect(isHttpsRequest(request('http, https, https'), { trustedProxies: 1 })).toBe(true);
    expect(isHttpsRequest(request('https, http'), { trustedProxies: 1 })).toBe(false);
    // Two declared proxies, each appending: the edge's is second from the right.
    expect(isHttpsRequest(request('http, https, http'), { trustedProxies: 2 })).toBe(true);
    // Two declared, but the edge replaced the header: its one entry.
    expect(isHttpsRequest(request('https'), { trustedProxies: 2 })).toBe(true);
  });
});
