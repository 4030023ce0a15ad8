import { generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import {
  CERTIFICATE_LIFETIME_MS,
  certificatesAnswer,
  checkApiV3Key,
  createPlatformCertificate,
  describeCertificate,
  type PlatformCertificate,
  type PlatformCertificateInfo,
  randomChars,
} from './certificate-issuer';
import { answerContract } from './contract-by-id-route';
import { answerContracts } from './contract-routes';
import type { Host, RouteContext } from './fault-answers';
import { closeServer, listen, urlOf } from './hosts';
import { createRequestChecks } from './request-checks';
import { requestId, type Signing, sendError, sendSigned } from './responses';

/**
 * A simulated WeChat Pay: real HTTP servers (a primary and a backup host sharing one state) with
 * their own keys, checking each request the way WeChat does (Authorization, signature, timestamp,
 * nonce, User-Agent) and signing each answer with the WeChat Pay public key or a platform
 * certificate.
 */

export interface SandboxOptions {
  /** The merchant the sandbox accepts requests from. */
  merchant: { mchid: string; serialNo: string; publicKey: KeyObject };
  host?: string;
  /** The primary host's port; absent or 0 picks a free one. */
  port?: number;
  /** The backup host's port; absent or 0 picks a free one. */
  backupPort?: number;
  /** Unix seconds; injectable for tests. */
  now?: () => number;
  /** The merchant's APIv3 key (32 ASCII characters) that encrypts certificates; random if absent. */
  apiV3Key?: string;
  /** How long the slow fault holds its answer, in ms. Default 30 000. */
  slowMs?: number;
  /** How long every answer waits, like WeChat's own latency (for benchmarks), in ms. Default 0. */
  answerDelayMs?: number;
}

export interface RotateOptions {
  /** Default: now. */
  effective?: Date;
  /** Default: five years after `effective`. */
  expire?: Date;
}

export interface RunningSandbox {
  /** The primary host, e.g. `http://127.0.0.1:50123`. */
  url: string;
  /** The backup host: another listener on the same state (keys, data, nonces, counters). */
  backupUrl: string;
  /** The id under which the sandbox's "WeChat Pay public key" signs answers. */
  publicKeyId: string;
  publicKey: KeyObject;
  /** The merchant's APIv3 key that `/v3/certificates` encrypts with. */
  apiV3Key: string;
  /** How many requests reached the sandbox (both hosts), for tests that prove none was made. */
  requestCount(): number;
  /** How many `GET /v3/certificates` requests reached the sandbox (both hosts). */
  certificateDownloads(): number;
  /** Every platform certificate the sandbox holds, oldest first, expired ones included. */
  platformCertificates(): PlatformCertificateInfo[];
  /** Adds a platform certificate that becomes the newest; older ones stay listed until they expire. */
  rotatePlatformCertificate(options?: RotateOptions): Promise<string>;
  /** Closes both hosts and destroys open connections, held ones included. */
  close(): Promise<void>;
}

const CERTIFICATES_PATH = '/v3/certificates';
const CONTRACTS_PATH = /^\/v3\/eduschoolpay\/users\/([^/]+)\/contracts$/;
const CONTRACT_PATH = /^\/v3\/eduschoolpay\/contracts\/([^/]+)$/;

function rsaKeyPair(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) =>
      error ? reject(error) : resolve({ publicKey, privateKey }),
    ),
  );
}

/** A key no client can know, for the unknown-serial fault: one per process. */
let strangerKey: Promise<KeyObject> | undefined;

function stranger(): Promise<KeyObject> {
  strangerKey ??= rsaKeyPair().then((pair) => pair.privateKey);
  return strangerKey;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const apiV3Key = checkApiV3Key(options.apiV3Key ?? randomChars(32));
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const slowMs = options.slowMs ?? 30_000;
  const answerDelayMs = options.answerDelayMs ?? 0;
  // RSA key generation is slow (up to seconds on a busy machine): make both keys at once.
  const keyPair = rsaKeyPair();
  const publicKeyId = `PUB_KEY_ID_01${options.merchant.mchid}${randomBytes(6).toString('hex').toUpperCase()}`;
  const check = createRequestChecks(options.merchant, now);
  const certificates: PlatformCertificate[] = [];
  const hits = new Map<string, number>();
  const held = new Set<NodeJS.Timeout>();
  let count = 0;
  let downloads = 0;

  async function rotate(rotation: RotateOptions = {}): Promise<string> {
    const effective = rotation.effective ?? new Date(now() * 1000);
    const expire = rotation.expire ?? new Date(effective.getTime() + CERTIFICATE_LIFETIME_MS);
    const certificate = await createPlatformCertificate(effective, expire);
    certificates.push(certificate);
    return certificate.serial;
  }
  const [{ privateKey, publicKey }] = await Promise.all([keyPair, rotate()]);
  // Made in the background now, so that the unknown-serial fault answers as fast as the others.
  stranger().catch(() => {});

  const unexpired = () => certificates.filter((certificate) => certificate.expire.getTime() > now() * 1000);

  /** The newest certificate that has not expired signs (the newest of all if every one has). */
  function certificateSigning(): Signing {
    const newest = unexpired().at(-1) ?? (certificates.at(-1) as PlatformCertificate);
    return { key: newest.privateKey, serial: newest.serial };
  }

  /** Answers after `ms`, unless the connection or the sandbox closes first. */
  function hold(res: ServerResponse, ms: number, answer: () => void): void {
    const timer = setTimeout(() => {
      held.delete(timer);
      answer();
    }, ms);
    held.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  }

  function context(host: Host): RouteContext {
    return {
      host,
      now,
      check,
      signingFor: (req: IncomingMessage) =>
        req.headers['wechatpay-serial'] === publicKeyId
          ? { key: privateKey, serial: publicKeyId }
          : certificateSigning(),
      strangerKey: stranger,
      hit: (key) => {
        const n = (hits.get(key) ?? 0) + 1;
        hits.set(key, n);
        return n;
      },
      later: (res, answer) => hold(res, slowMs, answer),
    };
  }

  function handler(host: Host): RequestListener {
    const ctx = context(host);
    const serve: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
      count += 1;
      const id = requestId();
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      if (req.method === 'GET' && url.pathname === CERTIFICATES_PATH) {
        downloads += 1;
        const refused = check(req);
        if (refused) return sendError(res, id, refused);
        const body = JSON.stringify(certificatesAnswer(unexpired(), apiV3Key));
        return sendSigned(res, id, body, certificateSigning(), now());
      }
      const list = CONTRACTS_PATH.exec(url.pathname);
      const one = CONTRACT_PATH.exec(url.pathname);
      if (req.method !== 'GET' || !(list || one)) {
        return sendError(res, id, { status: 404, code: 'NOT_FOUND', message: '接口不存在' });
      }
      const answered = list
        ? answerContracts(req, res, id, url, list[1], ctx)
        : answerContract(req, res, id, (one as RegExpExecArray)[1], ctx);
      answered.catch(() => {
        if (res.headersSent) res.destroy();
        else sendError(res, id, { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' });
      });
    };
    // WeChat's own latency, when a benchmark asks for it: every answer waits, then is made.
    return answerDelayMs > 0 ? (req, res) => hold(res, answerDelayMs, () => serve(req, res)) : serve;
  }

  const bindTo = options.host ?? '127.0.0.1';
  const primary = await listen(handler('primary'), bindTo, options.port ?? 0);
  let backup: Server;
  try {
    backup = await listen(handler('backup'), bindTo, options.backupPort ?? 0);
  } catch (error) {
    await closeServer(primary);
    throw error;
  }

  return {
    url: urlOf(primary),
    backupUrl: urlOf(backup),
    publicKeyId,
    publicKey,
    apiV3Key,
    requestCount: () => count,
    certificateDownloads: () => downloads,
    platformCertificates: () => certificates.map(describeCertificate),
    rotatePlatformCertificate: rotate,
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      await Promise.all([closeServer(primary), closeServer(backup)]);
    },
  };
}
