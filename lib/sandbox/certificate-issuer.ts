import { createCipheriv, KeyObject, randomBytes, randomInt } from 'node:crypto';

/**
 * The sandbox's WeChat Pay platform certificates, as older merchants meet them: an RSA-2048 key
 * in an X.509 certificate, handed out encrypted with the merchant's APIv3 key by
 * `GET /v3/certificates`.
 */

export interface PlatformCertificate {
  /** The certificate's serial number, upper-case hex: what `Wechatpay-Serial` names. */
  serial: string;
  pem: string;
  privateKey: KeyObject;
  effective: Date;
  expire: Date;
}

/** What tests see of a certificate: no private key. Times as listed by `/v3/certificates`. */
export interface PlatformCertificateInfo {
  serial: string;
  pem: string;
  effectiveTime: string;
  expireTime: string;
}

/** WeChat issues platform certificates for five years. */
export const CERTIFICATE_LIFETIME_MS = 5 * 365 * 86_400_000;
export const ASSOCIATED_DATA = 'certificate';

const RSA_SHA256 = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomChars(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** A merchant's APIv3 key: 32 ASCII characters, used as the raw AES-256 key. */
export function checkApiV3Key(key: string): string {
  if (!/^[\x21-\x7e]{32}$/.test(key)) throw new Error('apiV3Key must be 32 printable ASCII characters');
  return key;
}

/** RFC 3339 in Beijing time, the way WeChat writes times: `2026-09-01T10:00:00+08:00`. */
export function beijingTime(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Whole seconds: what X.509 and RFC 3339 without fractions can hold. */
function toSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** 20 random bytes, first byte in 0x10–0x7F: a positive DER integer that is always 40 hex digits. */
function randomSerial(): string {
  const bytes = randomBytes(20);
  bytes[0] = 0x10 + (bytes[0] % 0x70);
  return bytes.toString('hex').toUpperCase();
}

/**
 * Loaded on first use, after the Reflect metadata polyfill that its dependency tsyringe needs;
 * the app's own sandbox (public-key mode) never loads it.
 */
async function loadX509() {
  await import('reflect-metadata');
  return import('@peculiar/x509');
}

export async function createPlatformCertificate(effective: Date, expire: Date): Promise<PlatformCertificate> {
  const x509 = await loadX509();
  const crypto = globalThis.crypto;
  const keys = await crypto.subtle.generateKey(RSA_SHA256, true, ['sign', 'verify']);
  const serial = randomSerial();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial,
      name: 'C=CN, O=WeChat Pay Sandbox, CN=Tenpay.com Sandbox Platform Certificate',
      notBefore: toSeconds(effective),
      notAfter: toSeconds(expire),
      keys,
      signingAlgorithm: RSA_SHA256,
    },
    crypto,
  );
  return {
    serial,
    pem: certificate.toString('pem'),
    privateKey: KeyObject.from(keys.privateKey as Parameters<typeof KeyObject.from>[0]),
    effective: toSeconds(effective),
    expire: toSeconds(expire),
  };
}

export function describeCertificate(certificate: PlatformCertificate): PlatformCertificateInfo {
  return {
    serial: certificate.serial,
    pem: certificate.pem,
    effectiveTime: beijingTime(certificate.effective),
    expireTime: beijingTime(certificate.expire),
  };
}

/** AEAD_AES_256_GCM as WeChat uses it: IV = 12-character nonce, ciphertext = base64(data ‖ tag). */
export function encryptCertificate(pem: string, apiV3Key: string) {
  const nonce = randomChars(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(ASSOCIATED_DATA, 'utf8'));
  const data = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    nonce,
    associated_data: ASSOCIATED_DATA,
    ciphertext: data.toString('base64'),
  };
}

/** The body of `GET /v3/certificates`: every certificate given, each encrypted afresh. */
export function certificatesAnswer(certificates: PlatformCertificate[], apiV3Key: string) {
  return {
    data: certificates.map((certificate) => {
      const { serial, effectiveTime, expireTime } = describeCertificate(certificate);
      return {
        serial_no: serial,
        effective_time: effectiveTime,
        expire_time: expireTime,
        encrypt_certificate: encryptCertificate(certificate.pem, apiV3Key),
      };
    }),
  };
}
