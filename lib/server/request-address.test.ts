import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addressRequests, requestAddress } from './request-address';

const STAMP = 'test-stamp';
const CHANNEL = 'http.server.request.start';

/** What a Node HTTP server's handler sees of a request sent with `headers`, with the hook installed. */
async function seenBy(hook: ((message: unknown) => void) | null, headers: Record<string, string>) {
  if (hook) subscribe(CHANNEL, hook);
  const server = createServer((request, response) => response.end(JSON.stringify(request.headers)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`, { headers });
    const seen = (await answer.json()) as IncomingHttpHeaders;
    return { seen, address: requestAddress(new Headers(seen as Record<string, string>), STAMP) };
  } finally {
    server.close();
    if (hook) unsubscribe(CHANNEL, hook);
  }
}

const FORGED = {
  'x-forwarded-for': '203.0.113.7',
  'x-real-ip': '203.0.113.8',
  'x-dashboard-client-address': `${STAMP} 203.0.113.9`,
};

describe('the request address hook', () => {
  it('with no proxy declared, gives the socket’s peer and drops what the client forwarded', async () => {
    const { seen, address } = await seenBy(addressRequests(0, STAMP), FORGED);
    expect(address).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen['x-real-ip']).toBeUndefined();
  });

  it('behind a declared proxy, gives the address the proxy saw', async () => {
    const { address } = await seenBy(addressRequests(1, STAMP), {
      ...FORGED,
      'x-forwarded-for': '203.0.113.7, 198.51.100.2',
    });
    expect(address).toBe('198.51.100.2');
  });

  it('behind a declared proxy that sent no hop, gives no address rather than the client’s say', async () => {
    const { address } = await seenBy(addressRequests(1, STAMP), {
      'x-dashboard-client-address': `${STAMP} 203.0.113.9`,
    });
    expect(address).toBeNull();
  });

  it('without the hook, a header a client wrote is not taken for ours', async () => {
    expect((await seenBy(null, { 'x-dashboard-client-address': 'guess 203.0.113.9' })).address).toBeNull();
    expect((await seenBy(null, {})).address).toBeNull();
  });
});
