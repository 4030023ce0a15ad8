// An independent WeChat Pay for the merchant-mode specs: written from the protocol document with
// node:crypto alone, sharing no code with lib/, so the app's signer and verifier are checked
// against someone else's reading of the protocol. Behaviour is chosen by openid, or for one contract by its number.
import { createCipheriv, randomBytes, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';

const PATH = /^\/v3\/eduschoolpay\/users\/([^/]+)\/contracts$/;
const ONE = /^\/v3\/eduschoolpay\/contracts\/([^/]+)$/;
/** Whose contracts the by-number endpoint knows: this parent's 45 in plan 2001, and no others. */
const KNOWN_PARENT = 'oMerchantByNumber01';

/** 45 contracts: ids past 2^53, times in several zones, statuses interleaved in server order. */
function contractsOf(openid, planId) {
  return Array.from({ length: 45 }, (_, i) => ({
    contract_id: `9${String(i).padStart(19, '0')}`,
    mchid: '1230000109',
    appid: 'wxmerchanttest0001',
    openid,
    plan_id: planId,
    contract_status: i % 2 === 0 ? 'DELETE' : 'ADD',
    create_time:
      i % 3 === 0
        ? `2026-01-${String((i % 28) + 1).padStart(2, '0')}T17:00:00Z`
        : `2026-02-${String((i % 28) + 1).padStart(2, '0')}T09:30:00.123+08:00`,
    out_contract_code: `M-${String(i).padStart(3, '0')}`,
  }));
}

/** AEAD_AES_256_GCM as WeChat encrypts certificates: base64(ciphertext ‖ tag). */
function encryptCertificate(pem, apiV3Key) {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from('certificate'));
  const data = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', nonce, associated_data: 'certificate', ciphertext: data.toString('base64') };
}

/**
 * platform: the WeChat Pay public key ({ id, privateKey }); certificate: a platform certificate
 * made by OpenSSL ({ serial, pem, privateKey, effective, expire }) for certificate mode;
 * clockOffsetSeconds: how far this WeChat Pay's clock is from the machine's, as seen only in the
 * Wechatpay-Timestamp it signs and sends (its check of our requests' timestamps keeps true time).
 */
export async function startFakeWechatPay({
  port,
  mchid,
  merchantSerial,
  merchantPublicKey,
  platform,
  certificate,
  apiV3Key,
  stranger,
  clockOffsetSeconds = 0,
}) {
  const log = [];
  const seen = new Set();

  function reply(res, status, body, headers = {}) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': `FAKE-${randomBytes(8).toString('hex')}`,
      ...headers,
    });
    res.end(body);
  }

  // Signs with the public key when the request asks for it by Wechatpay-Serial, else the certificate.
  function signerFor(req) {
    return req.headers['wechatpay-serial'] === platform.id
      ? { key: platform.privateKey, serial: platform.id }
      : { key: certificate.privateKey, serial: certificate.serial };
  }

  function signed(res, body, { key, serial, skew = 0, signature, tamper } = {}) {
    const timestamp = String(Math.floor(Date.now() / 1000) + clockOffsetSeconds + skew);
    const nonce = randomBytes(16).toString('hex');
    const sig = signature ?? sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`), key).toString('base64');
    reply(res, 200, tamper ? tamper(body) : body, {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': sig,
      'wechatpay-serial': serial,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    });
  }

  function checkRequest(req) {
    const auth = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(req.headers.authorization ?? '');
    if (!auth) return 'no authorization';
    const fields = Object.fromEntries([...auth[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (fields.mchid !== mchid || fields.serial_no !== merchantSerial) return 'wrong mchid or serial';
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 300) return 'stale timestamp';
    if (seen.has(fields.nonce_str)) return 'replayed nonce';
    seen.add(fields.nonce_str);
    const message = `${req.method}\n${req.url}\n${fields.timestamp}\n${fields.nonce_str}\n\n`;
    if (!verify('sha256', Buffer.from(message), merchantPublicKey, Buffer.from(fields.signature, 'base64')))
      return 'bad signature';
    if (!req.headers['user-agent']) return 'no user-agent';
    const asked = req.headers['wechatpay-serial'];
    if (asked !== undefined && asked !== platform.id) return 'Wechatpay-Serial names a key we do not have';
    return null;
  }

  const server = createServer((req, res) => {
    if (req.url === '/__log') return reply(res, 200, JSON.stringify(log));
    const url = new URL(req.url, 'http://fake.invalid');
    const match = PATH.exec(url.pathname);
    const problem = checkRequest(req);
    log.push({ method: req.method, target: req.url, problem });
    if (problem) return reply(res, 401, JSON.stringify({ code: 'SIGN_ERROR', message: problem }));
    const signer = signerFor(req);
    if (url.pathname === '/v3/certificates') {
      const item = {
        serial_no: certificate.serial,
        effective_time: certificate.effective,
        expire_time: certificate.expire,
        encrypt_certificate: encryptCertificate(certificate.pem, apiV3Key),
      };
      return signed(res, JSON.stringify({ data: [item] }), { key: certificate.privateKey, serial: certificate.serial });
    }
    const one = ONE.exec(url.pathname);
    if (one) {
      // One contract by number: the known parent's, or a fault's borrowing the first of them.
      const contractId = decodeURIComponent(one[1]);
      const known = contractsOf(KNOWN_PARENT, '2001');
      const contract = contractId.startsWith('cFault')
        ? { ...known[1], contract_id: contractId }
        : known.find((c) => c.contract_id === contractId);
      if (!contract) return reply(res, 404, JSON.stringify({ code: 'NOT_FOUND', message: 'contract not found' }));
      const body = JSON.stringify(contract);
      if (contractId === 'cFaultTampered')
        return signed(res, body, { ...signer, tamper: (b) => b.replace('"ADD"', '"DELETE"') });
      if (contractId === 'cFaultUnknownKey')
        return signed(res, body, { key: stranger.privateKey, serial: stranger.id });
      return signed(res, body, signer);
    }
    if (!match) return reply(res, 404, JSON.stringify({ code: 'NOT_FOUND', message: 'no such api' }));

    const openid = decodeURIComponent(match[1]);
    const planId = url.searchParams.get('plan_id');
    const status = url.searchParams.get('contract_status');
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const all = contractsOf(openid, planId).filter((c) => status === 'ALL' || c.contract_status === status);
    const page = all.slice(offset, offset + limit);
    const query = (o) => `plan_id=${planId}&contract_status=${status}&offset=${o}&limit=${limit}`;
    const absolute = openid.includes('Absolute');
    const link = (o) =>
      absolute
        ? `https://elsewhere.example.com/v9/other/path?${query(o)}`
        : `/v3/eduschoolpay/users/${openid}/contracts?${query(o)}`;
    const body = JSON.stringify({
      data: page,
      offset,
      limit,
      total_count: all.length,
      links: {
        self: link(offset),
        next: offset + limit < all.length ? link(offset + limit) : '',
        ...(offset > 0 ? { prev: link(offset - limit) } : {}),
      },
    });

    if (openid === 'oFaultTampered')
      return signed(res, body, { ...signer, tamper: (b) => b.replace('"M-001"', '"M-999"') });
    if (openid === 'oFaultProbe') {
      return signed(res, body, { ...signer, signature: `WECHATPAY/SIGNTEST/${randomBytes(32).toString('base64')}` });
    }
    if (openid === 'oFaultStale') return signed(res, body, { ...signer, skew: -301 });
    if (openid === 'oFaultFuture') return signed(res, body, { ...signer, skew: 400 });
    if (openid === 'oFaultUnknownKey') return signed(res, body, { key: stranger.privateKey, serial: stranger.id });
    if (openid === 'oFaultWrongKey') return signed(res, body, { key: stranger.privateKey, serial: signer.serial });
    if (openid === 'oFaultUnsigned') return reply(res, 200, body);
    return signed(res, body, signer);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
