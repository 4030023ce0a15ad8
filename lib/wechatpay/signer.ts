import { type KeyObject, randomBytes, sign } from 'node:crypto';

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

/** The five-line message WeChat Pay expects a request signature over (each line ends in \n). */
export function requestMessage(method: string, target: string, timestamp: number, nonce: string, body: string): string {
  return `${method}\n${target}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** RSASSA-PKCS1-v1_5 with SHA-256, base64. */
export function signMessage(privateKey: KeyObject, message: string): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** 32 crypto-random characters from [A-Z0-9], the shape WeChat's own SDKs use. */
export function randomNonce(): string {
  const bytes = randomBytes(32);
  let nonce = '';
  for (const byte of bytes) nonce += NONCE_ALPHABET[byte % NONCE_ALPHABET.length];
  return nonce;
}

export interface SignerOptions {
  mchid: string;
  /** Serial number of the merchant's own API certificate. */
  serialNo: string;
  /** Parsed once by the caller and kept: re-parsing a PEM per call costs ~4×. */
  privateKey: KeyObject;
  /** Unix seconds; injectable for tests. */
  now?: () => number;
  nonce?: () => string;
}

export interface Signer {
  /** The `Authorization` header value for one request. */
  authorization(method: string, target: string, body: string): string;
}

export function createSigner(options: SignerOptions): Signer {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomNonce;
  return {
    authorization(method, target, body) {
      const timestamp = now();
      const nonceStr = nonce();
      const signature = signMessage(options.privateKey, requestMessage(method, target, timestamp, nonceStr, body));
      return (
        `${AUTH_SCHEMA} mchid="${options.mchid}",nonce_str="${nonceStr}",` +
        `signature="${signature}",timestamp="${timestamp}",serial_no="${options.serialNo}"`
      );
    },
  };
}
