// Starts the independent fake WeChat Pay for the merchant-mode specs. It first writes what a
// merchant would be given — the API private key, WeChat Pay's public key, and a platform
// certificate made by OpenSSL — into DIR, where the two merchant apps (started by Playwright,
// see playwright.config.ts) read them. Usage: node fake-server.mjs PORT DIR MCHID SERIAL PUB_KEY_ID APIV3_KEY
// FAKE_WECHATPAY_CLOCK_OFFSET_SECONDS=N (default 0) moves the clock its answers are signed with by N
// seconds, as a WeChat Pay whose clock and ours disagree (e2e/diagnostics-clock.spec.ts).
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeWechatPay } from './fake-wechatpay.mjs';

const [port, dir, mchid, merchantSerial, publicKeyId, apiV3Key] = process.argv.slice(2);
const fakePort = Number(port);
const clockOffsetSeconds = Number(process.env.FAKE_WECHATPAY_CLOCK_OFFSET_SECONDS ?? 0);
if (!Number.isInteger(clockOffsetSeconds)) throw new Error('FAKE_WECHATPAY_CLOCK_OFFSET_SECONDS must be whole seconds');
mkdirSync(dir, { recursive: true });
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

const merchant = rsa();
const platform = { ...rsa(), id: publicKeyId };
const stranger = { ...rsa(), id: 'PUB_KEY_ID_0199999999992026112700000000000009' };

// The platform certificate comes from OpenSSL, not from the project's code.
const certFile = join(dir, 'platform_cert.pem');
const certKeyFile = join(dir, 'platform_key.pem');
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '30',
    '-subj',
    '/CN=Fake WeChat Pay Platform',
    '-set_serial',
    '0x5A3C11E0D4B2977F00D15EA5EBADC0DE12345678',
    '-keyout',
    certKeyFile,
    '-out',
    certFile,
  ],
  { stdio: 'ignore' },
);
const certPem = readFileSync(certFile, 'utf8');
const x509 = new X509Certificate(certPem);
const certificate = {
  serial: x509.serialNumber.toUpperCase(),
  pem: certPem,
  privateKey: createPrivateKey(readFileSync(certKeyFile)),
  effective: new Date(x509.validFrom).toISOString(),
  expire: new Date(x509.validTo).toISOString(),
};

const keyFile = join(dir, 'apiclient_key.pem');
const pubFile = join(dir, 'pub_key.pem');
writeFileSync(keyFile, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(pubFile, platform.publicKey.export({ type: 'spki', format: 'pem' }));

await startFakeWechatPay({
  port: fakePort,
  mchid,
  merchantSerial,
  merchantPublicKey: merchant.publicKey,
  platform,
  certificate,
  apiV3Key,
  stranger,
  clockOffsetSeconds,
});
