import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateRsaKeys, opensslSign, opensslVerify, type RsaKeys } from '@/test-support/keys';
import { AUTH_SCHEMA, createSigner, randomNonce, requestMessage } from './signer';

const TARGET =
  '/v3/eduschoolpay/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/contracts?plan_id=101164396123311331&contract_status=ALL&offset=0&limit=20';

/** The exact header shape WeChat Pay parses; capture groups: mchid, nonce, signature, timestamp, serial. */
const AUTHORIZATION =
  /^WECHATPAY2-SHA256-RSA2048 mchid="([^"]+)",nonce_str="([^"]+)",signature="([A-Za-z0-9+/]+={0,2})",timestamp="([^"]+)",serial_no="([^"]+)"$/;

function fields(header: string) {
  const match = AUTHORIZATION.exec(header);
  if (!match) throw new Error(`Authorization does not have WeChat's shape: ${header}`);
  const [, mchid, nonce, signature, timestamp, serialNo] = match;
  return { mchid, nonce, signature, timestamp, serialNo };
}

let keys: RsaKeys;
beforeAll(() => {
  keys = generateRsaKeys();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('request message', () => {
  it('is five lines, each ending in \\n, with the empty body as the fifth', () => {
    const message = requestMessage('GET', TARGET, 1764226800, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', '');
    expect(message).toBe(`GET\n${TARGET}\n1764226800\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n\n`);
    expect(message.split('\n')).toEqual(['GET', TARGET, '1764226800', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', '', '']);
  });
});

describe('createSigner', () => {
  const fixed = { now: () => 1764226800, nonce: () => '5K8264ILTKCH16CQ2502SI8ZNMTM67VS' };

  it("signs exactly what OpenSSL signs over WeChat's five-line message (PKCS#1 v1.5 is deterministic)", () => {
    const signer = createSigner({ mchid: '1900000001', serialNo: 'ABC123', privateKey: keys.privateKey, ...fixed });
    const { signature } = fields(signer.authorization('GET', TARGET, ''));

    // Written out by hand, not with requestMessage, so a wrong message format cannot agree with itself.
    const expectedMessage = `GET\n${TARGET}\n1764226800\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n\n`;
    expect(signature).toBe(opensslSign(keys.pkcs8Pem, expectedMessage).toString('base64'));
  });

  it('produces signatures that OpenSSL verifies with the public key', () => {
    const signer = createSigner({ mchid: '1900000001', serialNo: 'ABC123', privateKey: keys.privateKey, ...fixed });
    const { signature } = fields(signer.authorization('GET', TARGET, ''));
    const message = `GET\n${TARGET}\n1764226800\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n\n`;

    const good = opensslVerify(keys.publicPem, message, Buffer.from(signature, 'base64'));
    expect(good).toEqual({ ok: true, output: 'Verified OK' });

    // The same signature does not cover another request target: OpenSSL must refuse it.
    const other = opensslVerify(
      keys.publicPem,
      message.replace('offset=0', 'offset=20'),
      Buffer.from(signature, 'base64'),
    );
    expect(other.ok).toBe(false);
    expect(other.output).toContain('Verification failure');
  });

  it('writes the Authorization header in the exact shape WeChat Pay parses', () => {
    const signer = createSigner({
      mchid: '1900000001',
      serialNo: '5157F09EFDC096DE15EBE81A47057A72',
      privateKey: keys.privateKey,
      ...fixed,
    });
    const header = signer.authorization('GET', TARGET, '');

    expect(header.startsWith(`${AUTH_SCHEMA} `)).toBe(true);
    expect(fields(header)).toEqual({
      mchid: '1900000001',
      nonce: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{342}==$/), // 256 bytes of RSA-2048, base64
      timestamp: '1764226800',
      serialNo: '5157F09EFDC096DE15EBE81A47057A72',
    });
  });

  it('stamps unix seconds, not milliseconds, by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-11-27T07:00:00.789Z'));
    const signer = createSigner({ mchid: '1900000001', serialNo: 'ABC123', privateKey: keys.privateKey });

    expect(fields(signer.authorization('GET', TARGET, '')).timestamp).toBe('1764226800');
  });

  it('uses a fresh crypto-random nonce on every call by default', () => {
    const signer = createSigner({
      mchid: '1900000001',
      serialNo: 'ABC123',
      privateKey: keys.privateKey,
      now: fixed.now,
    });
    const headers = Array.from({ length: 200 }, () => fields(signer.authorization('GET', TARGET, '')));
    const nonces = headers.map((header) => header.nonce);

    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Z0-9]{32}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
    // Same target and second, different nonce: every signature differs too.
    expect(new Set(headers.map((header) => header.signature)).size).toBe(headers.length);
  });

  it('randomNonce gives 32 characters from [A-Z0-9], never the same twice', () => {
    const nonces = Array.from({ length: 1000 }, randomNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Z0-9]{32}$/);
    expect(new Set(nonces).size).toBe(1000);
  });
});
