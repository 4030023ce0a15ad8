import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeys, opensslSign, type RsaKeys } from '@/test-support/keys';
import { createVerifier, type HeaderBag, type KeyResolver, staticKeys } from './verifier';

const SERIAL = 'PUB_KEY_ID_0119000000012025112700000000000001';
const TIMESTAMP = 1764226800;
const NONCE = 'c5ac7061fccab6bf3e254dcf98995b8c';
// Non-ASCII on purpose: the signature covers the UTF-8 bytes of the body exactly as received.
const BODY =
  '{"data":[{"contract_id":"20260000000000530000","contract_status":"ADD","note":"午餐费"}],"total_count":1}';

let wechat: RsaKeys;
let stranger: RsaKeys;
/** Headers of a good answer, signed by OpenSSL (not by our code) over `ts\nnonce\nbody\n`. */
let signed: Record<string, string>;

beforeAll(() => {
  wechat = generateRsaKeys();
  stranger = generateRsaKeys();
  const signature = opensslSign(wechat.pkcs8Pem, `${TIMESTAMP}\n${NONCE}\n${BODY}\n`).toString('base64');
  signed = {
    'wechatpay-timestamp': String(TIMESTAMP),
    'wechatpay-nonce': NONCE,
    'wechatpay-signature': signature,
    'wechatpay-serial': SERIAL,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    'request-id': '08F78BB5AF0610D302B3DA0F20E8E7C40F6A3C',
  };
});

function verifierAt(now: number, keys: KeyResolver = staticKeys(new Map([[SERIAL, wechat.publicKey]]))) {
  return createVerifier({ keys, now: () => now });
}

function verify(headers: HeaderBag, body = BODY, now = TIMESTAMP + 2) {
  return verifierAt(now).verify({ headers, body });
}

describe('verifier', () => {
  it('accepts an answer WeChat (here: OpenSSL) signed over ts\\nnonce\\nbody\\n', async () => {
    await expect(verify(signed)).resolves.toEqual({ ok: true, serial: SERIAL });
  });

  it('accepts when the signature-type header is absent', async () => {
    const { 'wechatpay-signature-type': _, ...headers } = signed;
    await expect(verify(headers)).resolves.toEqual({ ok: true, serial: SERIAL });
  });

  it('accepts keys resolved asynchronously (certificate mode)', async () => {
    const keys: KeyResolver = { keyFor: async (serial) => (serial === SERIAL ? wechat.publicKey : undefined) };
    await expect(verifierAt(TIMESTAMP, keys).verify({ headers: signed, body: BODY })).resolves.toEqual({
      ok: true,
      serial: SERIAL,
    });
  });

  it('refuses a body changed after signing, even by one character or a trailing newline', async () => {
    await expect(verify(signed, BODY.replace('"total_count":1', '"total_count":2'))).resolves.toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    await expect(verify(signed, `${BODY}\n`)).resolves.toEqual({ ok: false, reason: 'bad-signature' });
    await expect(verify(signed, BODY.replace('午餐费', '校车费'))).resolves.toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a nonce or timestamp that differs from the signed one', async () => {
    await expect(verify({ ...signed, 'wechatpay-nonce': `${NONCE}0` })).resolves.toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    await expect(verify({ ...signed, 'wechatpay-timestamp': String(TIMESTAMP + 1) })).resolves.toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses an answer checked against the wrong key under the right serial', async () => {
    const wrongKey = verifierAt(TIMESTAMP, staticKeys(new Map([[SERIAL, stranger.publicKey]])));
    await expect(wrongKey.verify({ headers: signed, body: BODY })).resolves.toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses an answer signed with a key we do not hold (unknown serial)', async () => {
    await expect(verify({ ...signed, 'wechatpay-serial': 'PUB_KEY_ID_SOMEONE_ELSE' })).resolves.toEqual({
      ok: false,
      reason: 'unknown-serial',
    });
  });

  it('refuses a WECHATPAY/SIGNTEST/ probe without throwing', async () => {
    const probe = `WECHATPAY/SIGNTEST/${randomBytes(24).toString('base64')}`;
    await expect(verify({ ...signed, 'wechatpay-signature': probe })).resolves.toEqual({
      ok: false,
      reason: 'signature-probe',
    });
  });

  it.each(['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial'])(
    'refuses an answer without %s (absent or empty)',
    async (name) => {
      const { [name]: _, ...without } = signed;
      await expect(verify(without)).resolves.toEqual({ ok: false, reason: 'missing-headers' });
      await expect(verify({ ...signed, [name]: '' })).resolves.toEqual({ ok: false, reason: 'missing-headers' });
    },
  );

  it('refuses an unsigned answer (no signature headers at all)', async () => {
    await expect(verify({ 'request-id': 'X', 'content-type': 'application/json' })).resolves.toEqual({
      ok: false,
      reason: 'missing-headers',
    });
  });

  it('refuses a signature type other than WECHATPAY2-SHA256-RSA2048', async () => {
    await expect(verify({ ...signed, 'wechatpay-signature-type': 'WECHATPAY2-SM2-WITH-SM3' })).resolves.toEqual({
      ok: false,
      reason: 'unsupported-signature-type',
    });
  });

  it('uses the first value when a header arrives twice', async () => {
    await expect(verify({ ...signed, 'wechatpay-nonce': [NONCE, 'something-else'] })).resolves.toEqual({
      ok: true,
      serial: SERIAL,
    });
  });

  describe('clock', () => {
    it.each([
      ['299 s old', TIMESTAMP + 299],
      ['299 s ahead', TIMESTAMP - 299],
      ['exactly now', TIMESTAMP],
    ])('accepts an answer stamped %s', async (_, now) => {
      await expect(verify(signed, BODY, now)).resolves.toEqual({ ok: true, serial: SERIAL });
    });

    it.each([
      ['300 s old', TIMESTAMP + 300],
      ['a day old', TIMESTAMP + 86_400],
      ['300 s in the future', TIMESTAMP - 300],
      ['an hour in the future', TIMESTAMP - 3600],
    ])('refuses an answer stamped %s, although its signature is good', async (_, now) => {
      await expect(verify(signed, BODY, now)).resolves.toEqual({ ok: false, reason: 'stale-timestamp' });
    });

    it.each(['17642268OO', '1764226800.5', '-1764226800', ' 1764226800', '1764226800000000', '0x6927F630'])(
      'refuses the non-numeric or malformed timestamp %j',
      async (timestamp) => {
        await expect(verify({ ...signed, 'wechatpay-timestamp': timestamp })).resolves.toEqual({
          ok: false,
          reason: 'bad-timestamp',
        });
      },
    );
  });

  it.each([
    ['not base64 at all', '%%%garbage***'],
    ['base64 of the wrong length', 'AAAA'],
    ['base64 of random bytes of the right length', randomBytes(256).toString('base64')],
  ])('refuses a signature that is %s without throwing', async (_, signature) => {
    await expect(verify({ ...signed, 'wechatpay-signature': signature })).resolves.toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});
