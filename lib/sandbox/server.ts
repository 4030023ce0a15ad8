import { generateKeyPairSync, type KeyObject, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTH_SCHEMA, randomNonce, requestMessage, signMessage } from '@/lib/wechatpay/signer';
import { MAX_CLOCK_SKEW_SECONDS, responseMessage } from '@/lib/wechatpay/verifier';
import { parseAuthorization } from './authorization';
import { faultFor } from './faults';
import { listContracts } from './listing';

/**
 * A simulated WeChat Pay: a real HTTP server with its own key that checks each request the way
 * WeChat does (Authorization, signature, timestamp, nonce, User-Agent) and signs each answer.
 */

export interface SandboxOptions {
  /** The merchant the sandbox accepts requests from. */
  merchant: { mchid: string; serialNo: string; publicKey: KeyObject };
  host?: string;
  port?: number;
  /** Unix seconds; injectable for tests. */
  now?: () => number;
}

export interface RunningSandbox {
  url: string;
  /** The id under which the sandbox's "WeChat Pay public key" signs answers. */
  publicKeyId: string;
  publicKey: KeyObject;
  /** How many requests reached the sandbox, for tests that prove none was made. */
  requestCount(): number;
  close(): Promise<void>;
}

const CONTRACTS_PATH = /^\/v3\/eduschoolpay\/users\/([^/]+)\/contracts$/;

function requestId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyId = `PUB_KEY_ID_01${options.merchant.mchid}${randomBytes(6).toString('hex').toUpperCase()}`;
  const seenNonces = new Map<string, number>();
  let count = 0;

  function sendError(res: ServerResponse, id: string, status: number, code: string, message: string, detail?: unknown) {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': id });
    res.end(JSON.stringify({ code, message, ...(detail ? { detail } : {}) }));
  }

  interface Misbehaviour {
    /** Changes the body after it was signed. */
    tamper?: (body: string) => string;
    /** Sends this instead of the real signature. */
    signature?: string;
  }

  function sendSigned(res: ServerResponse, id: string, body: string, misbehaviour: Misbehaviour = {}) {
    const timestamp = String(now());
    const nonce = randomNonce();
    const signature = misbehaviour.signature ?? signMessage(privateKey, responseMessage(timestamp, nonce, body));
    res.writeHead(200, {
      'content-type': 'application/json',
      'request-id': id,
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': publicKeyId,
      'wechatpay-signature-type': AUTH_SCHEMA,
    });
    res.end(misbehaviour.tamper ? misbehaviour.tamper(body) : body);
  }

  /** The same checks WeChat makes before it looks at a request; null when it passes. */
  function authenticate(
    req: IncomingMessage,
  ): { code: string; message: string; status: number; detail?: unknown } | null {
    if (!req.headers['user-agent']) {
      return { status: 400, code: 'INVALID_REQUEST', message: '请求头缺少 User-Agent' };
    }
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') && !accept.includes('*/*')) {
      return { status: 400, code: 'INVALID_REQUEST', message: 'Accept 应为 application/json' };
    }
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return { status: 401, code: 'SIGN_ERROR', message: 'Authorization 格式错误' };
    if (auth.mchid !== options.merchant.mchid || auth.serial_no !== options.merchant.serialNo) {
      return { status: 401, code: 'SIGN_ERROR', message: '商户号或证书序列号不匹配' };
    }
    const timestamp = Number(auth.timestamp);
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(now() - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      return { status: 401, code: 'SIGN_ERROR', message: '请求时间戳与微信支付服务器时间相差超过 5 分钟' };
    }
    const message = requestMessage(req.method ?? '', req.url ?? '', timestamp, auth.nonce_str, '');
    let valid = false;
    try {
      valid = verify('sha256', Buffer.from(message), options.merchant.publicKey, Buffer.from(auth.signature, 'base64'));
    } catch {
      valid = false;
    }
    if (!valid) {
      return {
        status: 401,
        code: 'SIGN_ERROR',
        message: '签名错误',
        detail: { sign_information: { truncated_sign_message: message.replaceAll('\n', '\\n') } },
      };
    }
    for (const [nonce, seenAt] of seenNonces) {
      if (now() - seenAt > MAX_CLOCK_SKEW_SECONDS) seenNonces.delete(nonce);
    }
    if (seenNonces.has(auth.nonce_str)) return { status: 401, code: 'SIGN_ERROR', message: '重复的随机串 nonce_str' };
    seenNonces.set(auth.nonce_str, now());
    return null;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    count += 1;
    const id = requestId();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const route = CONTRACTS_PATH.exec(url.pathname);
    if (req.method !== 'GET' || !route) return sendError(res, id, 404, 'NOT_FOUND', '接口不存在');

    const refused = authenticate(req);
    if (refused) return sendError(res, id, refused.status, refused.code, refused.message, refused.detail);

    const openid = decodeURIComponent(route[1]);
    const q = url.searchParams;
    const planId = q.get('plan_id') ?? '';
    const status = q.get('contract_status') ?? '';
    const offset = Number(q.get('offset') ?? '0');
    const limit = Number(q.get('limit') ?? '20');
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(openid)) return sendError(res, id, 400, 'PARAM_ERROR', 'openid 格式错误');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(planId)) return sendError(res, id, 400, 'PARAM_ERROR', 'plan_id 格式错误');
    if (status !== 'ADD' && status !== 'DELETE' && status !== 'ALL') {
      return sendError(res, id, 400, 'PARAM_ERROR', 'contract_status 取值错误');
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 40)
      return sendError(res, id, 400, 'PARAM_ERROR', 'limit 取值应为 1 到 40');
    if (!Number.isInteger(offset) || offset < 0 || offset % limit !== 0) {
      return sendError(res, id, 400, 'PARAM_ERROR', 'offset 应为 limit 的整数倍');
    }

    const body = JSON.stringify(listContracts({ openid, planId, status, offset, limit }));
    switch (faultFor(openid)?.name) {
      case 'system-error':
        return sendError(res, id, 500, 'SYSTEM_ERROR', '系统错误');
      case 'rate-limited':
        return sendError(res, id, 429, 'FREQUENCY_LIMITED', '请求频率超过限制');
      case 'tampered':
        return sendSigned(res, id, body, {
          tamper: (signed) => signed.replace('"total_count":0', '"total_count":1'),
        });
      case 'signature-probe':
        return sendSigned(res, id, body, { signature: `WECHATPAY/SIGNTEST/${randomBytes(24).toString('base64')}` });
      case 'unsigned':
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': id });
        return res.end(body);
      default:
        return sendSigned(res, id, body);
    }
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    publicKeyId,
    publicKey,
    requestCount: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
