import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress, plainIp } from './client-address';

describe('plainIp', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    [' 10.0.0.8 ', '10.0.0.8'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::1', '::1'],
  ])('reads %j as %j', (raw, ip) => {
    expect(plainIp(raw)).toBe(ip);
  });

  it.each([
    [undefined],
    [''],
    ['unknown'],
    ['evil.example'],
    ['10.0.0.8:443'],
    ['10.0.0.8, 10.0.0.9'],
    ['<script>'],
    ['1'.repeat(16_000)],
  ])('refuses %j', (raw) => {
    expect(plainIp(raw)).toBeNull();
  });
});

describe('clientAddress', () => {
  it('is the socket’s peer when no proxy is declared, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress(undefined, '::ffff:192.0.2.1', 0)).toBe('192.0.2.1');
  });

  it('behind one proxy, is the address the proxy saw: the right-most entry', () => {
    expect(clientAddress('203.0.113.7, 198.51.100.2', '127.0.0.1', 1)).toBe('198.51.100.2');
  });

  it('behind two, is the address the outer proxy saw', () => {
    expect(clientAddress('203.0.113.7, 198.51.100.2, 10.0.0.5', '127.0.0.1', 2)).toBe('198.51.100.2');
  });

  it('is null when fewer hops arrived than proxies are declared, or the entry is no IP', () => {
    expect(clientAddress(undefined, '127.0.0.1', 1)).toBeNull();
    expect(clientAddress('10.0.0.5', '127.0.0.1', 2)).toBeNull();
    expect(clientAddress('x'.repeat(16_000), '127.0.0.1', 1)).toBeNull();
  });

  const ip = fc.oneof(fc.ipV4(), fc.ipV6());
  /** Whatever a client could write into X-Forwarded-For before our proxies append to it. */
  const clientWritten = fc.oneof(
    fc.string(),
    fc.array(fc.oneof(ip, fc.string()), { maxLength: 5 }).map((hops) => hops.join(',')),
  );

  it('never depends on what the client wrote, and is an IP or nothing', () => {
    fc.assert(
      fc.property(
        clientWritten,
        clientWritten,
        fc.array(ip, { minLength: 1, maxLength: 9 }),
        (written, otherWritten, proxiesSaw) => {
          const trusted = proxiesSaw.length - 1;
          // Our proxies append, in order, the address each saw connect; the last is the socket's peer.
          const seen = proxiesSaw.slice(0, -1);
          const chain = (prefix: string) => [prefix, ...seen].filter(Boolean).join(', ') || undefined;
          const peer = proxiesSaw[proxiesSaw.length - 1];
          const address = clientAddress(chain(written), peer, trusted);
          expect(address).toBe(clientAddress(chain(otherWritten), peer, trusted));
          if (address !== null) expect(isIP(address)).not.toBe(0);
          expect(address).toBe(plainIp(trusted === 0 ? peer : seen[0]));
        },
      ),
    );
  });
});
