/**
 * Platform-certificate mode over real HTTP: `GET /v3/certificates` decrypted with the APIv3 key and
 * checked with node:crypto, which key signs which answer, rotation with overlap, and expiry.
 */
import { createDecipheriv, type KeyObject, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  contractsTarget,
  errorOf,
  header,
  type RawAnswer,
  send,
  sendWith,
  signedHeaders,
  startTestSandbox,
  verify,
  ZHANG,
} from '@/test-support/sandbox';
import type { RunningSandbox } from './server';

const YEAR_MS = 365 * 86_400_000;
const RFC3339_BEIJING = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

let merchant: RsaKeys;
let sandbox: RunningSandbox;

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startTestSandbox(merchant);
}, 30_000);

afterAll(() => sandbox.close());

interface EncryptedCertificate {
  algorithm: string;
  nonce: string;
  associated_data: string;
  ciphertext: string;
}

interface ListedCertificate {
  serial_no: string;
  effective_time: string;
  expire_time: string;
  encrypt_certificate: EncryptedCertificate;
}

/** AES-256-GCM as the documentation tells a merchant to do it: IV = nonce, AAD, tag = last 16 bytes. */
function decrypt(encrypted: EncryptedCertificate, apiV3Key: string): string {
  const data = Buffer.from(encrypted.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(encrypted.nonce));
  decipher.setAAD(Buffer.from(encrypted.associated_data));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

async function download(base = sandbox.url): Promise<{ answer: RawAnswer; listed: ListedCertificate[] }> {
  const answer = await send(base, '/v3/certificates', { merchantKey: merchant.privateKey });
  expect(answer.status).toBe(200);
  return { answer, listed: (JSON.parse(answer.body) as { data: ListedCertificate[] }).data };
}

/** The certificates a merchant learns from a download, by serial, each checked against its serial. */
function certificatesIn(listed: ListedCertificate[]): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const item of listed) {
    const certificate = new X509Certificate(decrypt(item.encrypt_certificate, sandbox.apiV3Key));
    expect(certificate.serialNumber).toBe(item.serial_no);
    keys.set(item.serial_no, certificate.publicKey);
  }
  return keys;
}

function contracts(options: { publicKeyMode: boolean }): Promise<RawAnswer> {
  return send(sandbox.url, contractsTarget(ZHANG), {
    merchantKey: merchant.privateKey,
    wechatpaySerial: options.publicKeyMode ? sandbox.publicKeyId : undefined,
  });
}

describe('platform certificates', () => {
  it('lists its certificate encrypted with the APIv3 key, and signs the list with it', async () => {
    expect(sandbox.apiV3Key).toMatch(/^[\x21-\x7e]{32}$/);
    const downloadsBefore = sandbox.certificateDownloads();
    const { answer, listed } = await download();
    expect(sandbox.certificateDownloads()).toBe(downloadsBefore + 1);
    expect(header(answer, 'request-id')).toMatch(/^[0-9A-F]{32}$/);

    expect(listed).toHaveLength(1);
    const [item] = listed;
    expect(item.serial_no).toMatch(/^[0-9A-F]{40}$/);
    expect(item.effective_time).toMatch(RFC3339_BEIJING);
    expect(item.expire_time).toMatch(RFC3339_BEIJING);
    expect(Date.parse(item.expire_time) - Date.parse(item.effective_time)).toBe(5 * YEAR_MS);
    expect(Math.abs(Date.parse(item.effective_time) - Date.now())).toBeLessThan(60_000);
    expect(item.encrypt_certificate).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'certificate' });
    expect(item.encrypt_certificate.nonce).toMatch(/^[A-Za-z0-9]{12}$/);

    const pem = decrypt(item.encrypt_certificate, sandbox.apiV3Key);
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\r?\n/);
    const certificate = new X509Certificate(pem);
    expect(certificate.serialNumber).toBe(item.serial_no);
    expect(new Date(certificate.validTo).getTime()).toBe(Date.parse(item.expire_time));
    expect(sandbox.platformCertificates()).toEqual([
      { serial: item.serial_no, pem, effectiveTime: item.effective_time, expireTime: item.expire_time },
    ]);

    // The first download is checked with the certificate it delivers, as the official SDKs do.
    expect(header(answer, 'wechatpay-serial')).toBe(item.serial_no);
    await expect(verify(answer, new Map([[item.serial_no, certificate.publicKey]]))).resolves.toEqual({
      ok: true,
      serial: item.serial_no,
    });
  });

  it('encrypts with exactly the APIv3 key and associated data (authenticated encryption)', async () => {
    const [item] = (await download(sandbox.backupUrl)).listed;
    const wrongKey = `${sandbox.apiV3Key.slice(1)}${sandbox.apiV3Key[0] === 'A' ? 'B' : 'A'}`;
    expect(() => decrypt(item.encrypt_certificate, wrongKey)).toThrow();
    expect(() => decrypt({ ...item.encrypt_certificate, associated_data: 'certificatf' }, sandbox.apiV3Key)).toThrow();
  });

  it('is authenticated like any call: a bad signature or a replay is refused with 401', async () => {
    const impostor = generateRsaKeys();
    const forged = await send(sandbox.url, '/v3/certificates', { merchantKey: impostor.privateKey });
    expect(forged.status).toBe(401);
    expect(errorOf(forged).code).toBe('SIGN_ERROR');

    const headers = signedHeaders('/v3/certificates', { merchantKey: merchant.privateKey });
    expect((await sendWith(sandbox.url, '/v3/certificates', headers)).status).toBe(200);
    const replayed = await sendWith(sandbox.backupUrl, '/v3/certificates', headers);
    expect(replayed.status).toBe(401);
    expect(header(replayed, 'wechatpay-signature')).toBeUndefined();
  });

  it('signs contracts with the public key when asked by Wechatpay-Serial, else with the newest certificate', async () => {
    const keys = certificatesIn((await download()).listed);
    const [serial] = keys.keys();

    const publicKeyAnswer = await contracts({ publicKeyMode: true });
    expect(header(publicKeyAnswer, 'wechatpay-serial')).toBe(sandbox.publicKeyId);
    await expect(verify(publicKeyAnswer, new Map([[sandbox.publicKeyId, sandbox.publicKey]]))).resolves.toMatchObject({
      ok: true,
    });

    const certificateAnswer = await contracts({ publicKeyMode: false });
    expect(header(certificateAnswer, 'wechatpay-serial')).toBe(serial);
    await expect(verify(certificateAnswer, keys)).resolves.toEqual({ ok: true, serial });
    // …and not with the public key.
    await expect(verify(certificateAnswer, new Map([[serial, sandbox.publicKey]]))).resolves.toMatchObject({
      ok: false,
    });
  });

  it('after a rotation lists old and new (overlap) and signs with the new one', async () => {
    const [old] = sandbox.platformCertificates();
    const serial = await sandbox.rotatePlatformCertificate();
    expect(serial).not.toBe(old.serial);
    expect(sandbox.platformCertificates().map((certificate) => certificate.serial)).toEqual([old.serial, serial]);

    const { answer, listed } = await download();
    expect(listed.map((item) => item.serial_no)).toEqual([old.serial, serial]);
    const keys = certificatesIn(listed);
    expect(header(answer, 'wechatpay-serial')).toBe(serial);
    await expect(verify(answer, keys)).resolves.toEqual({ ok: true, serial });

    const certificateAnswer = await contracts({ publicKeyMode: false });
    await expect(verify(certificateAnswer, keys)).resolves.toEqual({ ok: true, serial });
    expect(header(await contracts({ publicKeyMode: true }), 'wechatpay-serial')).toBe(sandbox.publicKeyId);
  });

  it('no longer lists a certificate once it has expired, nor signs with it', async () => {
    const listedBefore = (await download()).listed.map((item) => item.serial_no);
    const expired = await sandbox.rotatePlatformCertificate({
      effective: new Date(Date.now() - 5 * YEAR_MS),
      expire: new Date(Date.now() - 60_000),
    });
    expect(sandbox.platformCertificates().at(-1)).toMatchObject({ serial: expired });

    const { answer, listed } = await download();
    expect(listed.map((item) => item.serial_no)).toEqual(listedBefore);
    expect(header(answer, 'wechatpay-serial')).toBe(listedBefore.at(-1));
    expect(header(await contracts({ publicKeyMode: false }), 'wechatpay-serial')).toBe(listedBefore.at(-1));
  });
});
