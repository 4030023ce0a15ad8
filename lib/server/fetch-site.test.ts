import { describe, expect, it } from 'vitest';
import { isOwnRequest } from './fetch-site';

const request = (site?: string) => new Headers(site === undefined ? {} : { 'sec-fetch-site': site });

describe('isOwnRequest', () => {
  it('takes the app’s own requests and the user’s direct ones', () => {
    expect(isOwnRequest(request('same-origin'))).toBe(true);
    expect(isOwnRequest(request('none'))).toBe(true);
    expect(isOwnRequest(request())).toBe(true);
  });

  it('refuses what another page started, on another site or another origin of this one', () => {
    expect(isOwnRequest(request('cross-site'))).toBe(false);
    expect(isOwnRequest(request('same-site'))).toBe(false);
    expect(isOwnRequest(request('SAME-ORIGIN'))).toBe(false);
    expect(isOwnRequest(request('garbage'))).toBe(false);
  });
});
