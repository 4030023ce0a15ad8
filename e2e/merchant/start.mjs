// Starts the independent fake WeChat Pay and two production apps configured as merchants against
// it: one in WeChat Pay public-key mode (APP_PORT), one in platform-certificate mode (APP_PORT+1)
// whose primary host refuses connections, so every answer must arrive through the backup host.
// Keys and an OpenSSL-made platform certificate are written to a temporary folder.
import { execFileSync, spawn } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechatPay } from './fake-wechatpay.mjs';

const appPort = Number(process.argv[2] ?? 3101);
const fakePort = Number(process.argv[3] ?? 3199);
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const dir = mkdtempSync(join(tmpdir(), 'merchant-e2e-'));

const merchant = rsa();
const platform = { ...rsa(), id: 'PUB_KEY_ID_0112300001092026112700000000000001' };
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
const apiV3Key = 'e2eApiV3KeyE2eApiV3KeyE2eApiV3Ke';

const keyFile = join(dir, 'apiclient_key.pem');
const pubFile = join(dir, 'pub_key.pem');
writeFileSync(keyFile, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(pubFile, platform.publicKey.export({ type: 'spki', format: 'pem' }));

const mchid = '1230000109';
const merchantSerial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const fake = await startFakeWechatPay({
  port: fakePort,
  mchid,
  merchantSerial,
  merchantPublicKey: merchant.publicKey,
  platform,
  certificate,
  apiV3Key,
  stranger,
});

/** A loopback port that nothing listens on: connections to it are refused. */
async function refusedUrl() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const common = {
  ...process.env,
  WECHATPAY_MCHID: mchid,
  WECHATPAY_MERCHANT_SERIAL_NO: merchantSerial,
  WECHATPAY_PRIVATE_KEY_FILE: keyFile,
};
const apps = [];
function startApp(port, env) {
  const app = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'inherit',
    env: { ...common, ...env },
  });
  app.on('exit', (code) => {
    for (const other of apps) other.kill('SIGTERM');
    fake.close();
    process.exit(code ?? 0);
  });
  apps.push(app);
}

async function ready(port) {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`app on ${port} did not start`);
}

// Certificate mode first: Playwright waits for the public-key app, which starts once this one is up.
startApp(appPort + 1, {
  WECHATPAY_APIV3_KEY: apiV3Key,
  WECHATPAY_BASE_URL: await refusedUrl(),
  WECHATPAY_BACKUP_BASE_URL: fake.url,
});
await ready(appPort + 1);
startApp(appPort, {
  WECHATPAY_PUBLIC_KEY_ID: platform.id,
  WECHATPAY_PUBLIC_KEY_FILE: pubFile,
  WECHATPAY_BASE_URL: fake.url,
  WECHATPAY_BACKUP_BASE_URL: fake.url,
});

const stop = () => {
  for (const app of apps) app.kill('SIGTERM');
  fake.close();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
